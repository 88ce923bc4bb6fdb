package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.earmark.model.Event;
import org.earmark.model.StudyRecording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed read of a study's live events gives what the row-by-row read gives, or falls back to it. */
class LiveEventsReaderTest {

    @TempDir
    Path dir;
    private Path study;

    @BeforeEach
    void studyWithAwkwardEvents() throws Exception {
        study = dir.resolve("study.earmark-study");
        List<StudySetup.Entry> entries = new ArrayList<>();
        for (String id : List.of("R-AAAA", "R-BBBB", "R-CCCC")) {
            entries.add(new StudySetup.Entry(new StudyRecording(id, "audio/" + id + ".wav", "wav",
                    id.repeat(10), 600_000), "orig " + id, "orig-sha " + id, Map.of()));
        }
        StudyFile.create(study, new StudySetup("Packed", TestFiles.CODEBOOK, List.of(), entries), Clock.systemUTC())
                .close();
        Random random = new Random(7);
        String[] notes = {"", "how will we know?", "quotes \" and \\ backslash, comma , bracket ] [",
            "tab\there\r\nnew line \u0001 control", "é 中文 😀 \u2028 separator", "null\u0000inside"};
        String[] coders = {"ann", "bob", "consensus"};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study);
             PreparedStatement ps = c.prepareStatement("INSERT INTO events (coder, " + EventSql.COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 400; i++) {
                boolean span = random.nextInt(5) == 0;
                long start = random.nextInt(20) * 1_000L; // many ties on start
                ps.setString(1, coders[random.nextInt(coders.length)]);
                ps.setString(2, UUID.randomUUID().toString());
                ps.setString(3, List.of("R-AAAA", "R-BBBB", "R-CCCC").get(random.nextInt(3)));
                ps.setString(4, span ? "CASE" : List.of("OFQ", "RISK", "TASK").get(random.nextInt(3)));
                ps.setLong(5, start);
                ps.setObject(6, span ? start + random.nextInt(10_000) : null);
                ps.setString(7, notes[random.nextInt(notes.length)]);
                String created = "2026-03-0" + (1 + random.nextInt(2)) + "T10:00:00.00" + random.nextInt(3) + "Z";
                ps.setString(8, created);
                ps.setString(9, created);
                ps.setInt(10, random.nextInt(6) == 0 ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void packedReadGivesTheRowByRowReadsEventsInItsOrder() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study)) {
            Map<String, Map<String, List<Event>>> rows = StudySql.liveEvents(c);
            assertTrue(rows.values().stream().mapToInt(m -> m.values().stream().mapToInt(List::size).sum()).sum() > 250);
            assertEquals(rows, LiveEventsReader.read(c));
            assertEquals(List.copyOf(rows.keySet()), List.copyOf(LiveEventsReader.read(c).keySet()));
        }
    }

    @Test
    void valuesEarmarkDoesNotStoreAreReadOrRefusedAsRowByRow() throws Exception {
        for (String change : List.of("UPDATE events SET start_ms = start_ms + 0.5 WHERE rowid = 3",
                "UPDATE events SET note = CAST('blob note' AS BLOB) WHERE rowid = 5",
                "UPDATE events SET end_ms = 'x' WHERE rowid = (SELECT min(rowid) FROM events WHERE start_ms = 0)",
                "UPDATE events SET created_at = '2026-03-01T10:00:00Z' WHERE rowid = 9",
                "UPDATE events SET id = upper(id) WHERE rowid = 11")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study); Statement s = c.createStatement()) {
                s.execute(change);
                assertEquals(StudySql.liveEvents(c), LiveEventsReader.read(c), change);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + study); Statement s = c.createStatement()) {
            s.execute("UPDATE events SET deleted = 0, updated_at = 'yesterday' WHERE rowid = 13");
            DamagedValue rows = assertThrows(DamagedValue.class, () -> StudySql.liveEvents(c));
            DamagedValue packed = assertThrows(DamagedValue.class, () -> LiveEventsReader.read(c));
            assertEquals(rows.getMessage(), packed.getMessage());
        }
    }
}

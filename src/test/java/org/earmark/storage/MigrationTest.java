package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    /** A coder file exactly as schema v1 wrote it: no ratings, no status table. */
    private Path writeVersion1File() {
        Path file = dir.resolve("old.earmark");
        Schema v1Only = new Schema(FileKind.CODER_FILE, List.of(CoderFileSchema.V1));
        Database.create(file, v1Only, c -> {
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO meta VALUES ('file_id', 'f1'), ('study_id', 's1'), ('study_name', 'Old study'),"
                        + " ('coder', 'bob'), ('created_at', '2025-01-01T10:00:00.000Z'), ('created_by', 'Earmark 0.0.1')");
                s.execute("INSERT INTO recordings VALUES ('R-AAAA', 0, NULL, 60000, 'R-AAAA.wav'),"
                        + " ('R-BBBB', 1, NULL, 60000, 'R-BBBB.wav')");
                s.execute("INSERT INTO events VALUES ('6f1c1f6e-8a55-4d59-9b7e-6f2a3e0c9d11', 'R-AAAA', 'OFQ', 1500,"
                        + " NULL, 'kept', '2025-01-01T10:01:00.000Z', '2025-01-01T10:01:00.000Z', 0)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO codebook VALUES (1, ?, ?, ?, ?)")) {
                ps.setString(1, TestFiles.CODEBOOK.id());
                ps.setString(2, TestFiles.CODEBOOK.version());
                ps.setString(3, TestFiles.CODEBOOK.hash());
                ps.setString(4, TestFiles.CODEBOOK.source());
                ps.executeUpdate();
            }
            return null;
        }).close();
        return file;
    }

    @Test
    void aVersion1FileOpensWithTheCurrentCodeAndKeepsItsData() throws Exception {
        Path file = writeVersion1File();
        assertEquals(1, CoderWorkReader.summarise(file).schemaVersion(), "info reads an old file without upgrading it");
        try (CoderFile f = CoderFile.open(file)) {
            List<Event> events = f.events("R-AAAA");
            assertEquals(1, events.size());
            assertEquals("kept", events.get(0).note());
            assertEquals(RecordingStatus.IN_PROGRESS, f.progress().get(0).status(), "derived from its events");
            assertEquals(RecordingStatus.NOT_STARTED, f.progress().get(1).status());
            f.setRating("R-AAAA", "outcome_focus", 3);
            f.add(NewEvent.point("R-BBBB", "RISK", 2_000));
        }
        assertEquals(CoderFile.SCHEMA.currentVersion(), CoderWorkReader.summarise(file).schemaVersion());
        Path copy = dir.resolve("old.earmark.schema-v1.bak");
        assertTrue(Files.exists(copy), "a copy of the version-1 file is kept before upgrading");
        assertEquals(1, CoderWorkReader.summarise(copy).schemaVersion());
        assertEquals(1, CoderWorkReader.summarise(copy).events());
    }

    /** Events of every shape a v3 file holds: points, spans, notes, tombstones, edited ones; on both recordings. */
    private static List<Event> version3Events(int count) {
        List<Event> out = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T09:00:00.000Z");
        for (int i = 0; i < count; i++) {
            Instant created = t0.plusMillis(1_000L * i);
            boolean span = i % 7 == 0;
            out.add(new Event(UUID.randomUUID(), i % 3 == 0 ? "R-2MXD" : "R-7Q3K", span ? "CASE" : "OFQ",
                    (i * 977L) % 290_000, span ? (i * 977L) % 290_000 + 5_000 : null, i % 5 == 0 ? "note " + i : "",
                    created, i % 4 == 0 ? created.plusSeconds(30) : created, i % 11 == 0));
        }
        return out;
    }

    @Test
    void aVersion3FileUpgradesToVersion4KeepingEveryEventAndAuditRow() throws Exception {
        Path file = dir.resolve("v3.earmark");
        List<Event> original = version3Events(1_500);
        TestFiles.writeVersion3File(file, TestFiles.setup(), original,
                Instant.parse("2026-03-01T08:00:00.000Z"));
        assertEquals(3, CoderWorkReader.summarise(file).schemaVersion());
        List<String> events = rows(file, "SELECT * FROM events ORDER BY id");
        List<String> audit = rows(file, "SELECT * FROM audit ORDER BY seq");
        assertEquals(1_500, events.size());
        assertEquals(1_501, audit.size());

        try (CoderFile f = CoderFile.open(file)) { // upgrades, then writes its "open" entry
            assertEquals(4, f.database().schemaVersion());
            f.add(NewEvent.point("R-7Q3K", "RISK", 1_234));
        }
        List<String> eventsAfter = rows(file, "SELECT * FROM events ORDER BY id");
        List<String> auditAfter = rows(file, "SELECT * FROM audit ORDER BY seq");
        assertEquals(events, eventsAfter.stream().filter(events::contains).toList(), "every event kept as it was");
        assertEquals(events.size() + 1, eventsAfter.size());
        assertEquals(audit, auditAfter.subList(0, audit.size()), "every audit row kept, with its seq");
        assertEquals(List.of("1502 open", "1503 add"), auditAfter.subList(audit.size(), auditAfter.size()).stream()
                .map(r -> r.split(" ")[0].substring(4) + " " + r.split(" ")[3].substring(7)).toList(),
                "numbering goes on from the last kept seq");
        assertVersion4Tables(file);
        try (CoderFile f = CoderFile.open(file)) { // SchemaCheck: the upgraded tables are exactly a new v4 file's
            assertEquals(original.stream().filter(e -> !e.deleted()).count() + 1,
                    f.events("R-7Q3K").size() + f.events("R-2MXD").size());
            assertTrue(f.allEventsWithTombstones().containsAll(original));
        }
        Path copy = dir.resolve("v3.earmark.schema-v3.bak");
        assertTrue(Files.exists(copy), "a copy of the version-3 file is kept before upgrading");
        assertEquals(3, CoderWorkReader.summarise(copy).schemaVersion());
        assertEquals(events, rows(copy, "SELECT * FROM events ORDER BY id"));
    }

    @Test
    void aNewFileIsVersion4() throws Exception {
        Path file = dir.resolve("new.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
        }
        assertEquals(4, CoderWorkReader.summarise(file).schemaVersion());
        assertVersion4Tables(file);
    }

    /** Events is one b-tree keyed by id with its index and foreign key; audit needs no sqlite_sequence row. */
    private static void assertVersion4Tables(Path file) throws Exception {
        assertEquals(List.of("user_version=4 "), rows(file, "PRAGMA user_version"));
        String eventsSql = rows(file, "SELECT sql FROM sqlite_master WHERE name = 'events'").get(0);
        assertTrue(eventsSql.startsWith("sql=CREATE TABLE events (") && eventsSql.strip().endsWith("WITHOUT ROWID"),
                eventsSql);
        String auditSql = rows(file, "SELECT sql FROM sqlite_master WHERE name = 'audit'").get(0);
        assertTrue(auditSql.contains("seq INTEGER PRIMARY KEY,") && !auditSql.contains("AUTOINCREMENT"), auditSql);
        assertEquals(List.of(), rows(file, "SELECT * FROM sqlite_sequence"));
        assertEquals(List.of("name=events_by_recording "), rows(file, "SELECT name FROM pragma_index_list('events')"
                + " WHERE origin = 'c'"));
        assertEquals(List.of("table=recordings from=recording_id to=id "), rows(file,
                "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('events')"));
        assertEquals(List.of(), rows(file, "SELECT name FROM sqlite_master WHERE name LIKE '%v3%'"));
    }

    /** Every row a query returns, each as "column=value " pairs; the file is opened directly (it is closed). */
    private static List<String> rows(Path file, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return StudyMergePathsTest.rows(rs);
        }
    }

    @Test
    void migrationsAreNumberedInOrder() {
        assertEquals(4, CoderFile.SCHEMA.currentVersion());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Schema(FileKind.CODER_FILE, List.of(CoderFileSchema.V2)));
    }
}

package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.core.Hashes;
import org.earmark.model.Assignment;
import org.earmark.model.Event;
import org.earmark.model.MergeReport;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.model.RecordingStatus;
import org.earmark.model.StudyRecording;
import org.earmark.session.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL copy that merges a coder file's events ({@link StudyCopyMergeSql}) must leave the study exactly as the
 * row-by-row merge ({@link StudyMergeSql}) does, report the same counts, and refuse the same files: here both run
 * side by side on twin studies through first merges, re-merges of edited copies with deletions, ratings and
 * statuses, a stale copy, and a file that copies another coder's events.
 */
class StudyMergePathsTest {

    private static final List<Recording> RECORDINGS = List.of(
            new Recording("R-AAAA", 0, "ab".repeat(32), 600_000L, "R-AAAA.wav"),
            new Recording("R-BBBB", 1, "cd".repeat(32), 600_000L, "R-BBBB.wav"));

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private StudyFile copied;
    private StudyFile rowByRow;

    @BeforeEach
    void twinStudies() throws Exception {
        Path first = dir.resolve("copied.earmark-study");
        copied = StudyFile.create(first, setup(), clock);
        Files.createDirectories(dir.resolve("twin"));
        Path second = dir.resolve("twin").resolve("row-by-row.earmark-study");
        copied.close();
        // Twins down to the study id, which a coder file must match.
        Files.copy(first, second);
        copied = StudyFile.open(first, clock);
        rowByRow = StudyFile.open(second, clock);
        for (StudyFile s : List.of(copied, rowByRow)) {
            List<Assignment> assignments = new ArrayList<>();
            for (String coder : List.of("ann", "bob")) {
                for (Recording r : RECORDINGS) {
                    assignments.add(new Assignment(r.id(), coder, r.position(), coder.equals("ann") ? "primary"
                            : "second"));
                }
            }
            s.assign(List.of("ann", "bob"), assignments, "test");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        copied.close();
        rowByRow.close();
    }

    @Test
    void firstMergesReMergesDeletionsRatingsAndStatusesComeOutTheSame() throws Exception {
        Path ann = coderFile("ann");
        Path bob = coderFile("bob");
        List<Event> annEvents;
        try (CoderFile f = CoderFile.open(ann, clock)) {
            annEvents = List.of(f.add(NewEvent.point("R-AAAA", "OFQ", 1_000)), f.add(NewEvent.point("R-AAAA", "TASK",
                    5_000)), f.add(new NewEvent("R-BBBB", "CASE", 2_000, 9_000L, "a note, with \"quotes\" — é 😀")));
            tick();
            f.delete(f.add(NewEvent.point("R-BBBB", "RISK", 7_000)).id());
            f.setRating("R-AAAA", "outcome_focus", 4);
            f.setStatus("R-AAAA", RecordingStatus.DONE);
        }
        try (CoderFile f = CoderFile.open(bob, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_200));
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_200)); // same time and code: ordered by creation, then id
        }
        assertSame(ann);
        assertSame(bob);
        assertSame(ann); // again: nothing new

        // A later copy of ann's file: an edit, a deletion, a new event, a changed rating and status.
        Path older = dir.resolve("ann older copy.earmark");
        Files.copy(ann, older);
        tick();
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.update(annEvents.get(0).withNote("how will we know?", clock.instant()));
            f.delete(annEvents.get(1).id());
            f.add(NewEvent.point("R-BBBB", "REFL", 3_000));
            f.setRating("R-AAAA", "outcome_focus", 2);
            f.setStatus("R-BBBB", RecordingStatus.IN_PROGRESS);
        }
        MergeReport report = assertSame(ann);
        assertEquals(1, report.added());
        assertEquals(2, report.updated());
        assertTrue(report.otherChanges() >= 2, report.toString());
        MergeReport stale = assertSame(older); // an older copy arriving late changes nothing
        assertTrue(stale.changedNothing(), stale.toString());
        assertEquals("how will we know?", copied.events("ann", "R-AAAA").get(0).note());
    }

    @Test
    void aFileThatCopiesAnotherCodersEventsIsRefusedByBothWithNothingMerged() throws Exception {
        Path ann = coderFile("ann");
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_000));
        }
        assertSame(ann);
        Path bob = coderFile("bob");
        try (CoderFile f = CoderFile.open(bob, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 9_000));
        }
        // bob's file gets ann's event: first as bob's first merge, then on top of bob's own merged events.
        Path forged = dir.resolve("bob forged.earmark");
        Files.copy(bob, forged);
        copyEventsOf(ann, forged);
        assertRefusedAlike(forged);
        assertSame(bob);
        assertRefusedAlike(forged);
    }

    @Test
    void eventsNotStoredAsEarmarkWritesThemTakeTheRowByRowPath() throws Exception {
        Path ann = coderFile("ann");
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_000));
            f.add(NewEvent.point("R-BBBB", "TASK", 2_000));
        }
        assertTrue(CoderWorkReader.readForMerge(ann).eventsCopyable());
        for (String change : List.of("UPDATE events SET id = upper(id) WHERE start_ms = 1000",
                "UPDATE events SET updated_at = substr(updated_at, 1, 19) || 'Z' WHERE start_ms = 1000",
                "UPDATE events SET start_ms = 1000.5 WHERE start_ms = 1000",
                "UPDATE events SET id = CAST(id AS BLOB) WHERE start_ms = 1000")) {
            Path odd = dir.resolve("odd " + Math.abs(change.hashCode()) + ".earmark");
            Files.copy(ann, odd);
            sql(odd, change);
            assertFalse(CoderWorkReader.readForMerge(odd).eventsCopyable(), change);
        }
        Path damaged = dir.resolve("damaged.earmark");
        Files.copy(ann, damaged);
        sql(damaged, "UPDATE events SET created_at = '2026-02-30T10:00:00.000Z' WHERE start_ms = 1000");
        List<String> before = dump(copied, "events");
        EarmarkException refused = assertThrows(EarmarkException.class, () -> copied.merge(
                CoderWorkReader.readForMerge(damaged), "damaged.earmark"));
        assertTrue(refused.getMessage().contains("is damaged"), refused.getMessage());
        assertEquals(before, dump(copied, "events"), "the copy made alongside the check was rolled back");
        Path upper = dir.resolve("upper.earmark");
        Files.copy(ann, upper);
        sql(upper, "UPDATE events SET id = upper(id), updated_at = substr(updated_at, 1, 19) || 'Z'");
        assertSame(upper); // normalised on the way in, by the row-by-row path in both studies
        assertEquals(2, copied.liveEventCounts().values().stream().mapToInt(m -> m.get("ann")).sum());
        assertSame(ann); // the same events in Earmark's own form: copied in SQL into one study, not the other
    }

    @Test
    void anEventOnARecordingTheStudyLacksIsRefusedEvenAfterACopyThatSkippedTheReferenceChecks() throws Exception {
        Path ann = coderFile("ann");
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_000));
        }
        assertSame(ann); // all its recordings are the study's: copied with foreign keys off, then on again
        Path stray = dir.resolve("stray.earmark");
        Files.copy(ann, stray);
        sql(stray, "INSERT INTO recordings (id, position) VALUES ('R-ZZZZ', 9)");
        sql(stray, "INSERT INTO events SELECT lower(hex(randomblob(4))) || substr(id, 9), 'R-ZZZZ', code, start_ms,"
                + " end_ms, note, created_at, updated_at, deleted FROM events");
        List<String> before = dump(copied, "events");
        // Merger refuses this file first (R-ZZZZ is not assigned); the study must refuse it on its own too.
        assertThrows(EarmarkException.class, () -> copied.merge(CoderWorkReader.readForMerge(stray), "stray"));
        assertThrows(EarmarkException.class, () -> rowByRow.merge(CoderWorkReader.read(stray, false), "stray"));
        assertEquals(before, dump(copied, "events"));
    }

    /**
     * A coder still on the Earmark before schema v4 hands in a v3 file: both merge paths read it as it is (the SQL
     * copy from its rowid events table), and not a byte of it changes — it is not upgraded.
     */
    @Test
    void aVersion3FileFromThePreviousEarmarkMergesAsItIsWithoutBeingUpgraded() throws Exception {
        Path ann = dir.resolve("ann v3.earmark");
        java.time.Instant t = clock.instant();
        List<Event> events = List.of(
                new Event(java.util.UUID.randomUUID(), "R-AAAA", "OFQ", 1_000, null, "", t, t, false),
                new Event(java.util.UUID.randomUUID(), "R-BBBB", "CASE", 2_000, 9_000L, "a note", t, t.plusSeconds(1),
                        false),
                new Event(java.util.UUID.randomUUID(), "R-BBBB", "RISK", 7_000, null, "", t, t.plusSeconds(2), true));
        TestFiles.writeVersion3File(ann, new CoderFileSetup(copied.id(), copied.name(), "ann", TestFiles.CODEBOOK,
                RECORDINGS), events, t);
        String before = Hashes.sha256(ann);
        MergeSource source = CoderWorkReader.readForMerge(ann);
        assertTrue(source.eventsCopyable(), "its events are as Earmark writes them: copied in SQL");
        MergeReport report = assertSame(ann);
        assertEquals(3, report.added());
        assertEquals(2, copied.liveEventCounts().values().stream().mapToInt(m -> m.getOrDefault("ann", 0)).sum());
        assertTrue(assertSame(ann).changedNothing(), "merged again: nothing new");
        assertEquals(before, Hashes.sha256(ann));
        assertEquals(3, CoderWorkReader.summarise(ann).schemaVersion());
    }

    @Test
    void theCoderFileIsNotChangedAndTheStudyStaysLockedAgainstASecondOpener() throws Exception {
        Path ann = coderFile("ann");
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_000));
        }
        String before = Hashes.sha256(ann);
        assertSame(ann);
        assertEquals(before, Hashes.sha256(ann));
        assertThrows(EarmarkException.class, () -> StudyFile.open(copied.path(), clock).close());
    }

    /** Merges the file into both studies, by each path, and checks the reports and the studies are the same. */
    @Test
    void aFileReplacedBetweenItsChecksAndTheCopyIsRefusedWithNothingMerged() throws Exception {
        Path ann = coderFile("ann");
        Path bob = coderFile("bob");
        try (CoderFile f = CoderFile.open(ann, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 1_000));
        }
        try (CoderFile f = CoderFile.open(bob, clock)) {
            f.add(NewEvent.point("R-AAAA", "OFQ", 3_000));
        }
        List<String> before = dump(copied, "events");
        MergeSource source = CoderWorkReader.readForMerge(ann);
        source.copyable().join();
        // A sync program puts bob's file where ann's was, after Merger checked ann's.
        Files.copy(bob, ann, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        EarmarkException e = assertThrows(EarmarkException.class, () -> copied.merge(source, "ann.earmark"));
        assertTrue(e.getMessage().contains("was replaced by another file while it was being merged"), e.getMessage());
        assertEquals(before, dump(copied, "events"), "nothing of bob's under ann's name");
    }

    private MergeReport assertSame(Path coderFile) throws Exception {
        MergeSource fast = CoderWorkReader.readForMerge(coderFile);
        MergeSource slow = CoderWorkReader.read(coderFile, false);
        assertTrue(slow.eventsRead());
        assertFalse(fast.eventsRead());
        String name = coderFile.getFileName().toString();
        clock.advance(Duration.ofSeconds(1));
        MergeReport a = copied.merge(fast, name);
        MergeReport b = rowByRow.merge(slow, name);
        assertEquals(b, a);
        assertEquals(fast.eventRecordings(), slow.eventRecordings());
        assertEquals(rowByRow.liveEvents(), copied.liveEvents());
        for (String table : List.of("events", "ratings", "recording_status", "merges", "audit")) {
            assertEquals(dump(rowByRow, table), dump(copied, table), table);
        }
        return a;
    }

    private void assertRefusedAlike(Path coderFile) throws Exception {
        List<String> before = dump(copied, "events");
        List<String> twinBefore = dump(rowByRow, "events");
        EarmarkException fast = assertThrows(EarmarkException.class, () -> copied.merge(
                CoderWorkReader.readForMerge(coderFile), "forged.earmark"));
        EarmarkException slow = assertThrows(EarmarkException.class, () -> rowByRow.merge(
                CoderWorkReader.read(coderFile, false), "forged.earmark"));
        assertEquals(slow.getMessage(), fast.getMessage());
        assertTrue(fast.getMessage().contains("from another coder"), fast.getMessage());
        assertEquals(before, dump(copied, "events"));
        assertEquals(twinBefore, dump(rowByRow, "events"));
    }

    private StudySetup setup() {
        List<StudySetup.Entry> entries = new ArrayList<>();
        for (Recording r : RECORDINGS) {
            entries.add(new StudySetup.Entry(new StudyRecording(r.id(), "audio/" + r.id() + ".wav", "wav", r.sha256(),
                    r.durationMs()), "orig-" + r.id() + ".wav", "orig-" + r.sha256(), Map.of()));
        }
        return new StudySetup("Twins", TestFiles.CODEBOOK, List.of(), entries);
    }

    private Path coderFile(String coder) {
        Path file = dir.resolve(coder + ".earmark");
        CoderFile.create(file, new CoderFileSetup(copied.id(), copied.name(), coder, TestFiles.CODEBOOK, RECORDINGS),
                clock).close();
        return file;
    }

    private void tick() {
        clock.advance(Duration.ofMillis(1_500));
    }

    /** Every row of a study table as text, sorted; the study is closed for it (it is held exclusively) and reopened. */
    private List<String> dump(StudyFile study, String table) throws Exception {
        Path file = study.path();
        study.close();
        List<String> rows;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            rows = rows(rs);
        }
        rows.sort(null);
        if (study == copied) {
            copied = StudyFile.open(file, clock);
        } else {
            rowByRow = StudyFile.open(file, clock);
        }
        return rows;
    }

    private static void copyEventsOf(Path from, Path to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + to); Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + from + "' AS other");
            s.execute("INSERT INTO events SELECT * FROM other.events");
        }
    }

    private static void sql(Path file, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> rows(ResultSet rs) throws Exception {
        List<String> out = new ArrayList<>();
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
            }
            out.add(row.toString());
        }
        return out;
    }
}

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
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoderFileTest {

    @TempDir
    Path dir;

    @Test
    void everyActionIsStoredAndSurvivesReopening() {
        Path file = dir.resolve("alice.earmark");
        Event ofq;
        Event span;
        try (CoderFile f = TestFiles.create(file)) {
            ofq = f.add(NewEvent.point("R-7Q3K", "OFQ", 12_000));
            span = f.add(new NewEvent("R-7Q3K", "CASE", 1_000, 400_000L, "Smith family"));
            Event gone = f.add(NewEvent.point("R-7Q3K", "TASK", 20_000));
            f.delete(gone.id());
            f.update(ofq.withTiming(12_100, null, ofq.updatedAt()).withNote("how will we know", ofq.updatedAt()));
            f.setRating("R-7Q3K", "outcome_focus", 4);
            f.setStatus("R-7Q3K", RecordingStatus.DONE);
        }
        try (CoderFile f = CoderFile.open(file)) {
            List<Event> events = f.events("R-7Q3K");
            assertEquals(List.of(span.id(), ofq.id()), events.stream().map(Event::id).toList());
            Event moved = events.get(1);
            assertEquals(12_100, moved.startMs());
            assertEquals("how will we know", moved.note());
            assertEquals(ofq.createdAt(), moved.createdAt());
            assertEquals(400_000L, events.get(0).endMs());
            assertEquals(3, f.allEventsWithTombstones().size(), "the deleted event is kept as a tombstone");
            assertEquals(Map.of("outcome_focus", 4), f.ratings("R-7Q3K"));
            List<RecordingProgress> progress = f.progress();
            assertEquals(RecordingStatus.DONE, progress.get(0).status());
            assertEquals(2, progress.get(0).eventCount());
            assertEquals(RecordingStatus.NOT_STARTED, progress.get(1).status());
            assertEquals("alice", f.coder());
            assertEquals(List.of("create", "add", "add", "add", "delete", "update", "rate", "status", "open"),
                    f.audit().stream().map(a -> a.action()).toList());
        }
    }

    @Test
    void tagsArePutInProgressAutomatically() {
        try (CoderFile f = TestFiles.create(dir.resolve("a.earmark"))) {
            f.add(NewEvent.point("R-2MXD", "RISK", 5_000));
            assertEquals(RecordingStatus.IN_PROGRESS, f.progress().get(1).status());
        }
    }

    @Test
    void refusesEventsTheCodebookOrRecordingDoNotAllow() {
        try (CoderFile f = TestFiles.create(dir.resolve("a.earmark"))) {
            assertMessage(() -> f.add(NewEvent.point("R-7Q3K", "NOPE", 1)), "Unknown code \"NOPE\"");
            assertMessage(() -> f.add(NewEvent.point("R-XXXX", "OFQ", 1)), "No recording R-XXXX");
            assertMessage(() -> f.add(NewEvent.point("R-7Q3K", "CASE", 1)), "span code");
            assertMessage(() -> f.add(new NewEvent("R-7Q3K", "OFQ", 1, 5L, "")), "point code");
            assertMessage(() -> f.add(NewEvent.point("R-2MXD", "OFQ", 300_001)), "past the end of R-2MXD");
            assertMessage(() -> f.setRating("R-7Q3K", "outcome_focus", 6), "between 1 and 5");
            assertEquals(0, f.allEventsWithTombstones().size());
        }
    }

    @Test
    void waveformPeaksTravelInTheFileAndGoStaleWithTheAudio() {
        Path file = dir.resolve("peaks.earmark");
        short[] min = {-5, -300, -12000};
        short[] max = {7, 320, 11000};
        try (CoderFile f = TestFiles.create(file)) {
            assertTrue(f.peaks("R-7Q3K", "aa").isEmpty());
            f.storePeaks("R-7Q3K", "aa", new org.earmark.audio.Peaks(10, 30, min, max));
        }
        try (CoderFile f = CoderFile.open(file)) {
            var peaks = f.peaks("R-7Q3K", "aa").orElseThrow();
            assertEquals(10, peaks.binMillis());
            assertEquals(30, peaks.durationMs());
            org.junit.jupiter.api.Assertions.assertArrayEquals(min, peaks.min());
            org.junit.jupiter.api.Assertions.assertArrayEquals(max, peaks.max());
            assertTrue(f.peaks("R-7Q3K", "bb").isEmpty(), "peaks of other audio are not used");
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path file = dir.resolve("a.earmark");
        Files.writeString(file, "precious");
        assertMessage(() -> TestFiles.create(file), "already exists");
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWithItsName() {
        Path file = dir.resolve("busy.earmark");
        try (CoderFile first = TestFiles.create(file)) {
            EarmarkException e = assertThrows(EarmarkException.class, () -> CoderFile.open(file));
            assertEquals(EarmarkException.Kind.FILE_IN_USE, e.kind());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            first.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
        }
        try (CoderFile again = CoderFile.open(file)) {
            assertEquals(1, again.events("R-7Q3K").size(), "the lock is gone once the first closes");
        }
    }

    @Test
    void fileIsWalWithForeignKeysAndIdentifiesItself() throws Exception {
        Path file = dir.resolve("a.earmark");
        TestFiles.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            assertEquals(FileKind.CODER_FILE.applicationId(), intOf(s, "PRAGMA application_id"));
            assertEquals(CoderFile.SCHEMA.currentVersion(), intOf(s, "PRAGMA user_version"));
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
        assertFalse(Files.exists(dir.resolve(".a.earmark.creating")), "no temporary file is left behind");
    }

    static int intOf(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable action, String fragment) {
        EarmarkException e = assertThrows(EarmarkException.class, action);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain " + fragment);
    }
}

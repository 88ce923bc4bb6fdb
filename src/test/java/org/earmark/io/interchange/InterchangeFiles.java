package org.earmark.io.interchange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;
import org.earmark.storage.TestFiles;

/** Coder files with events for the ELAN and Praat tests, and events compared by what a file can carry. */
public final class InterchangeFiles {

    /** The same time every test exports at, so documents do not depend on the clock. */
    public static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2025-01-02T03:04:05.678Z"),
            java.time.ZoneOffset.UTC);

    /** Notes that XML and Praat text must carry unchanged. */
    public static final String AWKWARD = "Smith & Jones <3 \"core\" group's 'plan' — é, 中文, 🙂; tab\there\r\n"
            + "second line ]]> &amp;";

    private InterchangeFiles() {
    }

    /** The test study's two recordings (R-7Q3K 600 s, R-2MXD 300 s) with points, spans and awkward notes. */
    public static CoderFile withEvents(Path file) {
        CoderFile f = TestFiles.create(file);
        List.of(
                NewEvent.point("R-7Q3K", "OFQ", 12_345),
                new NewEvent("R-7Q3K", "OFQ", 61_234, null, "how will we \"know\"?"),
                new NewEvent("R-7Q3K", "OFQ", 61_300, null, "within 100 ms of the one before"),
                new NewEvent("R-7Q3K", "OFQ", 61_300, null, "same moment again"),
                new NewEvent("R-7Q3K", "RISK", 0, null, "at the very start"),
                new NewEvent("R-7Q3K", "TASK", 599_999, null, "1 ms before the end"),
                new NewEvent("R-7Q3K", "REFL", 600_000, null, AWKWARD),
                new NewEvent("R-7Q3K", "CASE", 1_001, 95_251L, "Familie Müller"),
                new NewEvent("R-7Q3K", "CASE", 95_251, 180_123L, ""),
                new NewEvent("R-7Q3K", "CASE", 150_000, 200_000L, "overlaps the one before"),
                new NewEvent("R-7Q3K", "CASE", 599_000, 600_000L, AWKWARD),
                new NewEvent("R-2MXD", "OFQ", 7, null, "   "),
                new NewEvent("R-2MXD", "CASE", 0, 1L, " "))
                .forEach(f::add);
        // a deleted event is left out of every export
        f.delete(f.add(NewEvent.point("R-2MXD", "TASK", 42_000)).id());
        return f;
    }

    /** A coder file with one recording whose length is not known yet. */
    public static CoderFile oneRecordingOfUnknownLength(Path file) {
        CoderFileSetup s = TestFiles.setup();
        return CoderFile.create(file, new CoderFileSetup(s.studyId(), s.studyName(), s.coder(), s.codebook(),
                List.of(new Recording("R-9KQA", 0, null, null, "audio/R-9KQA.mp3"))), Clock.systemUTC());
    }

    /** Every (non-deleted) event of a coder file as what a file carries, in a fixed order. */
    public static List<NewEvent> contents(CoderFile f) {
        return sorted(f.recordings().stream().flatMap(r -> f.events(r.id()).stream()).map(InterchangeFiles::carried)
                .toList());
    }

    public static NewEvent carried(Event e) {
        return new NewEvent(e.recordingId(), e.code(), e.startMs(), e.endMs(), e.note());
    }

    public static List<NewEvent> sorted(List<NewEvent> events) {
        return events.stream().sorted(Comparator.comparing(NewEvent::recordingId).thenComparing(NewEvent::code)
                .thenComparingLong(NewEvent::startMs).thenComparing(e -> e.endMs() == null ? -1 : e.endMs())
                .thenComparing(NewEvent::note)).toList();
    }

    /** Adds events to a coder file, as the command line will with {@code CoderFile.addAll}. */
    public static void addAll(CoderFile f, List<NewEvent> events) {
        events.forEach(f::add);
    }

    /** Reads one exported file into a coder file, as ELAN or Praat import does. */
    @FunctionalInterface
    public interface Reader {
        List<NewEvent> read(CoderFile into, Path file) throws Exception;
    }

    /**
     * Reads every written file into a fresh coder file at {@code freshFile}: what is read, and what the file then
     * holds, must both be {@code expected}.
     */
    public static void assertReadBack(Path freshFile, List<Path> written, Reader reader, List<NewEvent> expected)
            throws Exception {
        try (CoderFile fresh = TestFiles.create(freshFile)) {
            List<NewEvent> read = new java.util.ArrayList<>();
            for (Path file : written) {
                read.addAll(reader.read(fresh, file));
            }
            org.junit.jupiter.api.Assertions.assertEquals(expected, sorted(read));
            addAll(fresh, read);
            org.junit.jupiter.api.Assertions.assertEquals(expected, contents(fresh));
        }
    }
}

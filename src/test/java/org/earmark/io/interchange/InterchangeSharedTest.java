package org.earmark.io.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterchangeSharedTest {

    private static final List<Recording> RECORDINGS = TestFiles.setup().recordings();

    @TempDir
    Path dir;

    @Test
    void secondsAreExact() {
        assertEquals("12.345", Seconds.plain(12_345));
        assertEquals("600", Seconds.plain(600_000));
        assertEquals("0", Seconds.plain(0));
        assertEquals("0.001", Seconds.plain(1));
        assertEquals(12_345, Seconds.toMillis(new BigDecimal("12.345")));
        assertEquals(12_346, Seconds.toMillis(new BigDecimal("12.3455")));
        assertEquals(12_345, Seconds.toMillis(new BigDecimal("12.34549999999")));
        assertEquals(10, Seconds.toMillis(new BigDecimal("1e-02")));
        for (long ms = 0; ms < 100_000; ms += 7) {
            assertEquals(ms, Seconds.toMillis(new BigDecimal(Seconds.plain(ms))));
        }
    }

    @Test
    void tiersAreNamedAfterCodesWithNumberedExtraTiers() {
        var cb = TestFiles.CODEBOOK;
        assertEquals("OFQ", TierLayout.codeOf("OFQ", cb).map(EventCode::id).orElseThrow());
        assertEquals("OFQ", TierLayout.codeOf("OFQ (2)", cb).map(EventCode::id).orElseThrow());
        assertEquals("CASE", TierLayout.codeOf("CASE (12)", cb).map(EventCode::id).orElseThrow());
        for (String notACode : List.of("ofq", "OFQ (1)", "OFQ (02)", "OFQ(2)", "OFQ (2) ", "XYZ (2)", "", " OFQ")) {
            assertEquals(Optional.empty(), TierLayout.codeOf(notACode, cb), notACode);
        }
        Instant t = Instant.EPOCH;
        Event a = new Event(UUID.randomUUID(), "R-7Q3K", "CASE", 0, 10L, "", t, t, false);
        Event b = new Event(UUID.randomUUID(), "R-7Q3K", "CASE", 5, 20L, "", t, t, false);
        Event c = new Event(UUID.randomUUID(), "R-7Q3K", "CASE", 10, 30L, "", t, t, false);
        Event d = new Event(UUID.randomUUID(), "R-7Q3K", "CASE", 25, 40L, "", t, t, false);
        var tiers = TierLayout.layout(cb, List.of(d, c, b, a), (x, y) -> y.startMs() >= x.endMs());
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ", "CASE", "CASE (2)"),
                tiers.stream().map(TierLayout.Tier::name).toList());
        assertEquals(List.of(a, c), tiers.get(5).events(), "touching spans share a tier, in time order");
        assertEquals(List.of(b, d), tiers.get(6).events());
        Event unknown = new Event(UUID.randomUUID(), "R-7Q3K", "GONE", 0, null, "", t, t, false);
        assertTrue(assertThrows(EarmarkException.class, () -> TierLayout.layout(cb, List.of(unknown), (x, y) -> true))
                .getMessage().contains("has the code \"GONE\", which codebook outcomes-focused-supervision does not have"));
    }

    @Test
    void exportGoesToAFolderOrToTheOneNamedFile() throws Exception {
        Path source = dir.resolve("alice.earmark");
        assertEquals(Map.of(RECORDINGS.get(0), dir.resolve("out/R-7Q3K.eaf"), RECORDINGS.get(1),
                dir.resolve("out/R-2MXD.eaf")), ExportTargets.plan(dir.resolve("out"), RECORDINGS, ".eaf", source));
        assertEquals(Map.of(RECORDINGS.get(0), dir.resolve("x.textgrid")),
                ExportTargets.plan(dir.resolve("x.textgrid"), RECORDINGS.subList(0, 1), ".TextGrid", source));
        assertEquals(Map.of(RECORDINGS.get(0), dir.resolve("out.eaf/R-7Q3K.TextGrid")), ExportTargets.plan(
                Files.createDirectories(dir.resolve("out.eaf")), RECORDINGS.subList(0, 1), ".TextGrid", source),
                "a folder whose name ends in another format's extension is a folder");
        EarmarkException e = assertThrows(EarmarkException.class,
                () -> ExportTargets.plan(dir.resolve("out.eaf"), RECORDINGS.subList(0, 1), ".eaf", source));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertThrows(EarmarkException.class, () -> ExportTargets.plan(dir.resolve("o"), List.of(), ".eaf", source));
        assertThrows(EarmarkException.class, () -> ExportTargets.plan(dir.resolve("o"),
                List.of(new Recording("../evil", 0, null, null, null)), ".eaf", source));
    }

    @Test
    void theRecordingComesFromTheOptionTheFileNameOrTheMedia() {
        Path eaf = Path.of("some/where/R-2MXD.eaf");
        assertEquals("R-2MXD", RecordingMatcher.match(RECORDINGS, eaf, List.of(), null, ImportOptions.DEFAULT).id());
        assertEquals("R-7Q3K", RecordingMatcher.match(RECORDINGS, Path.of("x.eaf"),
                List.of("file:///C:/a%20b/R-7Q3K.wav"), null, ImportOptions.DEFAULT).id(), "by the audio file name");
        assertEquals("R-7Q3K", RecordingMatcher.match(RECORDINGS, Path.of("x.eaf"),
                List.of("./R-7Q3K.mp3"), null, ImportOptions.DEFAULT).id(), "by the id as the media's base name");
        assertEquals("R-2MXD", RecordingMatcher.match(RECORDINGS, Path.of("x.eaf"), List.of("C:\\audio\\R-2MXD.wav"),
                null, ImportOptions.DEFAULT).id(), "a Windows path rather than a URL");
        assertEquals("R-7Q3K", RecordingMatcher.match(RECORDINGS, eaf, List.of("R-2MXD.wav"),
                null, new ImportOptions("R-7Q3K", false)).id());
        assertEquals("R-2MXD.wav", RecordingMatcher.lastSegment("file:///x/R-2MXD.wav"));
        assertEquals("a b.wav", RecordingMatcher.lastSegment("file:///x/a%20b.wav"));
        assertNull(RecordingMatcher.lastSegment("file:///x/"));
        assertNull(RecordingMatcher.lastSegment(" "));
        assertEquals("R-7Q3K", RecordingMatcher.match(RECORDINGS, Path.of("R-7Q3K"), List.of(),
                null, ImportOptions.DEFAULT).id(), "a file named just the id");
        assertThrows(EarmarkException.class, () -> RecordingMatcher.match(RECORDINGS, Path.of("R-7Q3K.backup.eaf"),
                List.of(), null, ImportOptions.DEFAULT));
    }

    /**
     * Earmark's ELAN export names its recording in the header: a file renamed to another recording's id, or from
     * another coder file, was imported wherever its name or media link pointed.
     */
    @Test
    void theRecordingAFileSaysItIsMustAgree() {
        Path renamed = Path.of("R-2MXD.eaf");
        assertEquals("R-7Q3K", RecordingMatcher.match(RECORDINGS, Path.of("x.eaf"), List.of(), "R-7Q3K",
                ImportOptions.DEFAULT).id(), "the header alone");
        assertEquals("R-2MXD", RecordingMatcher.match(RECORDINGS, renamed, List.of(), "R-2MXD",
                ImportOptions.DEFAULT).id());
        EarmarkException clash = assertThrows(EarmarkException.class,
                () -> RecordingMatcher.match(RECORDINGS, renamed, List.of(), "R-7Q3K", ImportOptions.DEFAULT));
        assertEquals("R-2MXD.eaf: it says it is the coding of recording R-7Q3K but its name gives R-2MXD; choose the"
                + " recording explicitly (--recording)", clash.getMessage());
        EarmarkException foreign = assertThrows(EarmarkException.class, () -> RecordingMatcher.match(RECORDINGS,
                Path.of("x.eaf"), List.of("R-2MXD.wav"), "R-XXXX", ImportOptions.DEFAULT));
        assertEquals(true, foreign.getMessage().contains("it says it is the coding of recording R-XXXX, which this"
                + " coder file does not have"), foreign.getMessage());
        assertEquals("R-2MXD", RecordingMatcher.match(RECORDINGS, renamed, List.of(), "R-7Q3K",
                new ImportOptions("R-2MXD", false)).id(), "an explicit choice decides");
    }
}

package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.model.Assignment;
import org.earmark.model.AuditEntry;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.StudyRecording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adjudicated coding of a recording: stored as coder "consensus", replaced as a whole, audited. */
class StudyFileConsensusTest {

    @TempDir
    Path dir;
    private StudyFile study;

    @BeforeEach
    void study() {
        study = StudyFile.create(dir.resolve(StudyFile.FILE_NAME), new StudySetup("Consensus", TestFiles.CODEBOOK,
                List.of("arm"), List.of(new StudySetup.Entry(new StudyRecording("R-AAAA", "audio/R-AAAA.wav", "wav",
                        "ab".repeat(32), 600_000), "orig.wav", "cd".repeat(32), Map.of("arm", "x")))),
                Clock.systemUTC());
        study.assign(List.of("a", "b"), List.of(new Assignment("R-AAAA", "a", 0, "primary"),
                new Assignment("R-AAAA", "b", 0, "second")), "test");
    }

    @Test
    void storesEventsAndRatingsUnderConsensusAndReplacesThemOnASecondSave() {
        List<Event> first = study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-AAAA", "OFQ", 1_000),
                new NewEvent("R-AAAA", "CASE", 0, 9_000L, "case 1")), Map.of("outcome_focus", 4), "first");
        assertEquals(2, first.size());
        assertEquals(List.of("CASE", "OFQ"), study.events(StudyFile.CONSENSUS, "R-AAAA").stream().map(Event::code)
                .toList());
        assertEquals(Map.of("outcome_focus", 4), study.ratings().get("R-AAAA").get(StudyFile.CONSENSUS));

        study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-AAAA", "RISK", 2_000)), Map.of(), "second");
        List<Event> now = study.events(StudyFile.CONSENSUS, "R-AAAA");
        assertEquals(1, now.size());
        assertEquals("RISK", now.get(0).code());
        assertEquals(null, study.ratings().getOrDefault("R-AAAA", Map.of()).get(StudyFile.CONSENSUS));
        assertEquals(Map.of(StudyFile.CONSENSUS, 1), Map.of(StudyFile.CONSENSUS,
                study.liveEventCounts().get("R-AAAA").get(StudyFile.CONSENSUS)));
        assertEquals(List.of("a", "b"), study.coders(), "the consensus is not a coder");
        List<AuditEntry> consensus = study.audit().stream().filter(a -> a.action().equals("consensus")).toList();
        assertEquals(2, consensus.size());
        assertTrue(consensus.get(1).detail().contains("R-AAAA: 1 events, 0 ratings; second"),
                consensus.get(1).detail());
    }

    @Test
    void refusesWhatDoesNotFitAndWritesNothing() {
        study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-AAAA", "OFQ", 1_000)), Map.of(), "kept");
        List<Runnable> bad = List.of(
                () -> study.saveConsensus("R-ZZZZ", List.of(), Map.of(), ""),
                () -> study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-AAAA", "NOPE", 1)), Map.of(), ""),
                () -> study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-AAAA", "CASE", 1)), Map.of(), ""),
                () -> study.saveConsensus("R-AAAA", List.of(new NewEvent("R-AAAA", "OFQ", 1, 5L, "")), Map.of(), ""),
                () -> study.saveConsensus("R-AAAA", List.of(NewEvent.point("R-BBBB", "OFQ", 1)), Map.of(), ""),
                () -> study.saveConsensus("R-AAAA", List.of(), Map.of("outcome_focus", 9), ""),
                () -> study.saveConsensus("R-AAAA", List.of(), Map.of("nope", 1), ""));
        for (Runnable r : bad) {
            EarmarkException e = assertThrows(EarmarkException.class, r::run);
            assertTrue(e.getMessage().contains("not saved") || e.getMessage().contains("nothing was saved"),
                    e.getMessage());
        }
        assertEquals(List.of("OFQ"), study.events(StudyFile.CONSENSUS, "R-AAAA").stream().map(Event::code).toList());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        study.close();
    }
}

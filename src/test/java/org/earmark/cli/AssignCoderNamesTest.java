package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.codebook.CodebookLoader;
import org.earmark.core.EarmarkException;
import org.earmark.model.Assignment;
import org.earmark.model.StudyRecording;
import org.earmark.storage.StudyFile;
import org.earmark.storage.StudySetup;
import org.earmark.study.StudyFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "consensus" names the adjudicated coding, and a coder name becomes a file name: study assign refuses the
 * reserved name in any case, and names equal but for case, naming them, before anything is stored.
 */
class AssignCoderNamesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void study() throws Exception {
        Files.createDirectories(dir.resolve("audio"));
        List<StudySetup.Entry> entries = new ArrayList<>();
        for (String id : List.of("R-AAAA", "R-BBBB", "R-CCCC", "R-DDDD", "R-EEEE")) {
            entries.add(new StudySetup.Entry(new StudyRecording(id, "audio/" + id + ".wav", "wav", id.repeat(16)
                    .substring(0, 64).toLowerCase(), 60_000), id + ".wav", "sha-" + id, Map.of()));
        }
        StudyFile.create(StudyFolder.studyFile(dir), new StudySetup("Names", CodebookLoader.load(
                Path.of("codebook/outcomes-focused-supervision.json")), List.of(), entries), Clock.systemUTC()).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"consensus", "Consensus", "CONSENSUS"})
    void theConsensusNameIsRefusedInAnyCase(String name) {
        CliRun run = CliRun.of("study", "assign", dir.toString(), "--coders", name + ",ben", "--double-code", "0.4",
                "--seed", "3");
        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("\"" + name + "\"") && run.err().contains("adjudicated"), run.toString());
        assertNothingStored();
    }

    @Test
    void namesEqualButForCaseAreRefused() {
        CliRun run = CliRun.of("study", "assign", dir.toString(), "--coders", "Ann,ben,ann", "--seed", "3");
        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("\"Ann\" and \"ann\"") && run.err().contains("upper/lower case"),
                run.toString());
        assertNothingStored();
    }

    @Test
    void theStudyFileRefusesTheReservedNameFromAnyCaller() {
        try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
            EarmarkException e = assertThrows(EarmarkException.class, () -> study.assign(List.of("ann", "Consensus"),
                    List.of(new Assignment("R-AAAA", "Consensus", 0, "primary")), "by hand"));
            assertTrue(e.getMessage().contains("\"Consensus\""), e.getMessage());
            assertEquals(List.of(), study.assignments());
        }
    }

    @Test
    void distinctNamesAreStillAssigned() {
        CliRun run = CliRun.of("study", "assign", dir.toString(), "--coders", "ann,ben", "--double-code", "0.4",
                "--seed", "3");
        assertEquals(0, run.exitCode(), run.toString());
        try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
            assertEquals(List.of("ann", "ben"), study.coders());
            assertEquals(7, study.assignments().size()); // 5 recordings, 2 of them double-coded
        }
    }

    private void assertNothingStored() {
        try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(), study.coders());
            assertEquals(List.of(), study.assignments());
        }
    }
}

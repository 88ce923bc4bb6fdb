package org.earmark.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.cli.Cli;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.Assignment;
import org.earmark.model.NewEvent;
import org.earmark.model.StudyRecording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.StudyFile;
import org.earmark.storage.StudySetup;
import org.earmark.study.Merger;
import org.earmark.study.PackageOpener;
import org.earmark.study.Packager;
import org.earmark.study.StudyFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coding still under way: a recording a coder was assigned but has not coded (their file not merged yet, or the
 * recording not started) is missing, not coded with no events. Counting it as zero put recordings with a 0/n
 * "agreement" into the report and sessions with zero outcomes-focused questions into the fidelity table and the
 * arm means.
 */
class MissingCodingTest {

    private static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));
    private static final List<String> IDS = List.of("R-AAAA", "R-BBBB", "R-CCCC");

    @TempDir
    Path dir;
    private Path studyDir;
    private Path fileOfA;
    private Path fileOfB;

    @BeforeEach
    void everyRecordingDoubleCoded() throws Exception {
        studyDir = dir.resolve("study");
        Files.createDirectories(studyDir.resolve("audio"));
        List<StudySetup.Entry> entries = new ArrayList<>();
        for (String id : IDS) {
            Path audio = studyDir.resolve("audio/" + id + ".wav");
            Files.writeString(audio, "not really audio " + id);
            entries.add(new StudySetup.Entry(new StudyRecording(id, "audio/" + id + ".wav", "wav",
                    org.earmark.core.Hashes.sha256(audio), 600_000), "orig-" + id + ".wav", "sha-" + id,
                    Map.of("arm", id.equals("R-BBBB") ? "control" : "intervention")));
        }
        try (StudyFile study = StudyFile.create(StudyFolder.studyFile(studyDir),
                new StudySetup("Missing coding", CODEBOOK, List.of("arm"), entries), Clock.systemUTC())) {
            List<Assignment> assignments = new ArrayList<>();
            for (int i = 0; i < IDS.size(); i++) {
                assignments.add(new Assignment(IDS.get(i), "a", i, "primary"));
                assignments.add(new Assignment(IDS.get(i), "b", i, "second"));
            }
            study.assign(List.of("a", "b"), assignments, "by hand");
            // a codes all three; b codes the first two and never opens R-CCCC.
            fileOfA = code(study, "a", Map.of("R-AAAA", List.of(10_000L, 40_000L), "R-BBBB", List.of(5_000L),
                    "R-CCCC", List.of(1_000L, 2_000L, 3_000L)));
            fileOfB = code(study, "b", Map.of("R-AAAA", List.of(10_500L, 40_200L), "R-BBBB", List.of(5_100L)));
        }
    }

    /** Packages, unpacks and tags OFQ events as the coder would, returning the coder file to merge. */
    private Path code(StudyFile study, String coder, Map<String, List<Long>> ofqTimes) {
        Path pkg = dir.resolve(coder + ".zip");
        Packager.write(study, studyDir, coder, pkg, audio -> null, Clock.systemUTC(), org.earmark.core.Progress.NONE);
        Path file = PackageOpener.unpack(pkg, dir.resolve(coder + "-laptop"));
        try (CoderFile f = CoderFile.open(file)) {
            ofqTimes.forEach((recording, times) -> times.forEach(t -> f.add(NewEvent.point(recording, "OFQ", t))));
        }
        return file;
    }

    private void merge(Path... files) {
        try (StudyFile study = StudyFolder.open(studyDir, Clock.systemUTC())) {
            for (Path f : files) {
                Merger.merge(study, f);
            }
        }
    }

    private StudyData data() {
        try (StudyFile study = StudyFolder.open(studyDir, Clock.systemUTC())) {
            return StudyData.load(study);
        }
    }

    @Test
    void withOnlyOneCodersFileMergedNothingIsCompared() {
        merge(fileOfA);
        StudyData data = data();
        assertEquals(List.of(), data.doubleCoded());
        assertEquals(IDS, data.awaitingSecondCoding());
        AgreementReport report = AgreementReport.compute(data, 2.0);
        assertEquals(List.of(), report.recordings());
        assertEquals(0, report.overall().pairs() + report.overall().unpaired());
        assertEquals(IDS, report.waiting().recordings());
        assertTrue(report.metrics().isEmpty(), "no count ICC from one coder: " + report.metrics());
        String text = cli("study", "agreement", studyDir.toString());
        assertTrue(text.contains("No double-coded recording has been coded by two of its coders yet")
                && text.contains("Left out: 3 double-coded recordings"), text);

        assertTrue(cli("study", "fidelity", studyDir.toString(), "--source", "consensus")
                .startsWith("No recording has adjudicated (consensus) coding yet"), "not an empty table");
        // b's scores are missing on every recording, not zero; a's are there.
        for (FidelityTable.Row row : FidelityTable.compute(data, "coder:b")) {
            assertEquals(FidelityTable.NOT_CODED, row.source(), row.toString());
            assertTrue(row.metrics().isEmpty(), row.toString());
        }
        assertEquals(3, FidelityTable.compute(data, "coder:b").size());
        assertEquals(List.of(2.0, 1.0, 3.0), FidelityTable.compute(data, null).stream()
                .map(r -> r.metrics().get("ofq_count")).toList());
    }

    @Test
    void aRecordingOneCoderHasNotStartedIsLeftOutAndNamed() throws Exception {
        merge(fileOfA, fileOfB);
        StudyData data = data();
        assertEquals(List.of("R-AAAA", "R-BBBB"), data.doubleCoded());
        assertEquals(List.of("R-CCCC"), data.awaitingSecondCoding());
        AgreementReport report = AgreementReport.compute(data, 2.0);
        assertEquals(List.of("R-AAAA", "R-BBBB"), report.recordings());
        assertEquals(3, report.overall().pairs());
        assertEquals(0, report.overall().unpaired(), "R-CCCC's three events of a are not unpaired against nothing");
        assertEquals(List.of("R-AAAA", "R-BBBB"), report.perRecording().stream()
                .map(AgreementReport.RecordingAgreement::recording).toList());
        assertEquals(2, report.metrics().get("ofq_count").table().completeUnitCount(), "n = 2 recordings, not 3");
        assertEquals(List.of("R-CCCC"), report.waiting().recordings());
        assertEquals(List.of("R-AAAA", "R-BBBB"), report.waiting().notDone(), "nobody marked anything done");
        String text = cli("study", "agreement", studyDir.toString());
        assertTrue(text.contains("assessed on 2 double-coded recordings")
                && text.contains("Left out: 1 double-coded recording that fewer than two of its coders have coded so"
                        + " far (R-CCCC)")
                && text.contains("Not yet marked done by every coder: 2 of the compared recordings"), text);
        String json = cli("study", "agreement", studyDir.toString(), "--json");
        assertEquals("[\"R-CCCC\"]", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
                .get("recordings_awaiting_coding").toString(), json);

        List<FidelityTable.Row> ofB = FidelityTable.compute(data, "coder:b");
        assertEquals(List.of("coder:b", "coder:b", FidelityTable.NOT_CODED),
                ofB.stream().map(FidelityTable.Row::source).toList());
        assertEquals(null, ofB.get(2).metrics().get("ofq_count"));

        // Once b marks R-CCCC done having found nothing to tag, it is a real zero and is compared.
        try (CoderFile f = CoderFile.open(fileOfB)) {
            f.setStatus("R-CCCC", org.earmark.model.RecordingStatus.DONE);
        }
        merge(fileOfB);
        StudyData after = data();
        assertEquals(IDS, after.doubleCoded());
        AgreementReport all = AgreementReport.compute(after, 2.0);
        assertEquals(3, all.overall().unpaired(), "a's three events on R-CCCC against b's none");
        assertEquals(0.0, FidelityTable.compute(after, "coder:b").get(2).metrics().get("ofq_count"));
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }
}

package org.earmark.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.earmark.cli.Cli;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.core.EarmarkException;
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
 * Two coders on two double-coded recordings and one single-coded one, with numbers worked out by
 * hand: agreement, fidelity, blinding of every output before unblinding, then the group summary.
 */
class ResultsEndToEndTest {

    private static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));
    private static final List<String> SECRETS = List.of("Arm-Alpha-Intervention", "Arm-Beta-UsualCare",
            "Northfield Team", "Southgate Team");

    @TempDir
    Path dir;
    private Path studyDir;

    @BeforeEach
    void studyWithTwoCoders() throws Exception {
        studyDir = dir.resolve("study");
        Files.createDirectories(studyDir.resolve("audio"));
        List<StudySetup.Entry> entries = new ArrayList<>();
        String[][] rows = {{"R-AAAA", "Arm-Alpha-Intervention", "Northfield Team"},
                {"R-BBBB", "Arm-Beta-UsualCare", "Southgate Team"}, {"R-CCCC", "Arm-Alpha-Intervention", "Southgate Team"}};
        for (String[] row : rows) {
            Path audio = studyDir.resolve("audio/" + row[0] + ".wav");
            Files.writeString(audio, "not really audio " + row[0]);
            entries.add(new StudySetup.Entry(new StudyRecording(row[0], "audio/" + row[0] + ".wav", "wav",
                    org.earmark.core.Hashes.sha256(audio), 600_000), "orig-" + row[0] + ".wav", "sha-" + row[0],
                    Map.of("arm", row[1], "team", row[2])));
        }
        try (StudyFile study = StudyFile.create(StudyFolder.studyFile(studyDir),
                new StudySetup("Results test", CODEBOOK, List.of("arm", "team"), entries), Clock.systemUTC())) {
            study.assign(List.of("a", "b"), List.of(
                    new Assignment("R-AAAA", "a", 0, "primary"), new Assignment("R-AAAA", "b", 0, "second"),
                    new Assignment("R-BBBB", "b", 1, "primary"), new Assignment("R-BBBB", "a", 1, "second"),
                    new Assignment("R-CCCC", "a", 2, "primary")), "by hand");
            Path a = code(study, "a", Map.of(
                    "R-AAAA", List.of(p("OFQ", 10_000), p("TASK", 20_000), p("RISK", 30_000),
                            new NewEvent("R-AAAA", "CASE", 0, 300_000L, "")),
                    "R-BBBB", List.of(p("OFQ", 5_000), p("OFQ", 50_000)),
                    "R-CCCC", List.of(p("OFQ", 1_000), p("OFQ", 2_000), p("OFQ", 3_000), p("TASK", 4_000))),
                    Map.of("R-AAAA", 4, "R-CCCC", 5));
            Path b = code(study, "b", Map.of(
                    "R-AAAA", List.of(p("OFQ", 10_500), p("TASK", 21_000), p("OTHQ", 100_000),
                            new NewEvent("R-AAAA", "CASE", 60_000, 300_000L, "")),
                    "R-BBBB", List.of(p("OFQ", 6_000), p("REFL", 51_000))),
                    Map.of("R-BBBB", 2));
            Merger.merge(study, a);
            Merger.merge(study, b);
        }
    }

    private static NewEvent p(String code, long ms) {
        return NewEvent.point("R-XXXX", code, ms);
    }

    /** Packages, unpacks and codes as the coder would, returning the coder file to merge. */
    private Path code(StudyFile study, String coder, Map<String, List<NewEvent>> events, Map<String, Integer> ratings) {
        Path pkg = dir.resolve(coder + ".zip");
        Packager.write(study, studyDir, coder, pkg, audio -> null, Clock.systemUTC(),
                org.earmark.core.Progress.NONE);
        Path file = PackageOpener.unpack(pkg, dir.resolve(coder + "-laptop"));
        try (CoderFile f = CoderFile.open(file)) {
            events.forEach((recording, list) -> list.forEach(e -> f.add(new NewEvent(recording, e.code(), e.startMs(),
                    e.endMs(), e.note()))));
            ratings.forEach((recording, value) -> f.setRating(recording, "outcome_focus", value));
        }
        return file;
    }

    @Test
    void agreementMatchesTheHandWorkedNumbers() throws Exception {
        JsonNode report = json("study", "agreement", studyDir.toString(), "--json");
        assertEquals(2.0, report.get("tolerance_s").asDouble());
        JsonNode overall = report.get("overall");
        // R-AAAA: OFQ~OFQ, TASK~TASK paired; RISK (a) and OTHQ (b) unpaired. R-BBBB: OFQ~OFQ, OFQ~REFL.
        assertEquals(4, overall.get("pairs").asInt());
        assertEquals(3, overall.get("agreed").asInt());
        assertEquals(2, overall.get("unpaired").asInt());
        assertEquals(0.5, overall.get("percent_agreement").asDouble(), 1e-12);
        // Units (a,b): (OFQ,OFQ) (TASK,TASK) (RISK,-) (-,OTHQ) (OFQ,OFQ) (OFQ,REFL): po = 3/6,
        // pe = (3*2 + 1*1 + 1*1) / 36 from the marginals, kappa = (po - pe) / (1 - pe).
        double pe = 8.0 / 36;
        assertEquals((0.5 - pe) / (1 - pe), overall.get("cohen_kappa").asDouble(), 1e-12);
        assertEquals(2, report.get("per_recording").size());
        assertEquals(0.5, report.get("per_recording").get(0).get("percent_agreement").asDouble(), 1e-12);
        JsonNode ofq = report.get("per_code").get("OFQ");
        assertEquals(2, ofq.get("both").asInt());
        assertEquals(3, ofq.get("count_first").asInt());
        assertEquals(2, ofq.get("count_second").asInt());
        assertEquals(2.0 * 2 / 5, ofq.get("f1").asDouble(), 1e-12);
        assertTrue(report.get("metrics").has("ofq_count"));
        assertTrue(report.get("span_codes").has("CASE"));
        String text = cli("study", "agreement", studyDir.toString()).out;
        assertTrue(text.contains("2 double-coded recordings") && text.contains("2.0 s")
                && text.contains("Percent agreement was 0.500"), text);
    }

    @Test
    void fidelityScoresThePrimaryCoderByDefault() throws Exception {
        JsonNode rows = json("study", "fidelity", studyDir.toString(), "--json").get("rows");
        Map<String, JsonNode> byRecording = new HashMap<>();
        rows.forEach(r -> byRecording.put(r.get("recording").asText(), r));
        assertEquals("coder:a", byRecording.get("R-AAAA").get("source").asText());
        assertEquals("coder:b", byRecording.get("R-BBBB").get("source").asText());
        JsonNode a = byRecording.get("R-AAAA").get("metrics");
        assertEquals(1.0, a.get("ofq_count").asDouble());
        assertEquals(1.0 / 3, a.get("ofq_share").asDouble(), 1e-12); // OFQ, TASK, RISK
        assertEquals(1.0 / 10 * 10, a.get("ofq_per_10min").asDouble(), 1e-12); // 1 in 10 minutes
        assertEquals(5.0, a.get("case_minutes").asDouble(), 1e-12);
        assertEquals(4.0, a.get("outcome_focus_rating").asDouble());
        JsonNode c = byRecording.get("R-CCCC").get("metrics");
        assertEquals(3.0, c.get("ofq_count").asDouble());
        assertEquals(0.75, c.get("ofq_share").asDouble(), 1e-12);
        JsonNode bByCoderA = json("study", "fidelity", studyDir.toString(), "--source", "coder:a", "--json")
                .get("rows");
        assertEquals(3, bByCoderA.size());
        assertTrue(byRecording.get("R-BBBB").get("metrics").get("case_minutes").asDouble() == 0.0);
        assertEquals(2, cli("study", "fidelity", studyDir.toString(), "--source", "coder:zed").exit);
    }

    @Test
    void nothingShowsAnAllocationValueBeforeUnblinding() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (String[] args : new String[][] {{"study", "status", studyDir.toString()},
                {"study", "status", studyDir.toString(), "--json"}, {"study", "agreement", studyDir.toString()},
                {"study", "agreement", studyDir.toString(), "--json"}, {"study", "fidelity", studyDir.toString()},
                {"study", "fidelity", studyDir.toString(), "--json"}}) {
            Run run = cli(args);
            assertEquals(0, run.exit, run.toString());
            outputs.add(run.out + run.err);
        }
        Path xlsx = dir.resolve("blind.xlsx");
        Path csv = dir.resolve("blind-csv");
        assertEquals(0, cli("study", "export", studyDir.toString(), "--xlsx", xlsx.toString(), "--csv-dir",
                csv.toString()).exit);
        for (String output : outputs) {
            SECRETS.forEach(s -> assertFalse(output.contains(s), s + " in " + output));
        }
        assertNoSecretIn(Files.readAllBytes(xlsx), "blind.xlsx");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    assertNoSecretIn(in.readAllBytes(), "blind.xlsx!" + e.getName());
                }
            }
        }
        try (var files = Files.list(csv)) {
            for (Path f : files.toList()) {
                assertNoSecretIn(Files.readAllBytes(f), f.toString());
            }
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("Sessions", "Events", "Agreement", "Codebook", "Provenance"), sheets);
            List<String> header = wb.getFirstSheet().read().get(0).stream().map(cell -> cell.getRawValue()).toList();
            assertFalse(header.contains("arm") || header.contains("team"), header.toString());
        }
        try (StudyFile study = StudyFolder.open(studyDir, Clock.systemUTC())) {
            EarmarkException e = assertThrows(EarmarkException.class, study::allocation);
            assertTrue(e.getMessage().contains("still blind"), e.getMessage());
        }
    }

    @Test
    void afterUnblindingTheExportHasArmsAndGroupSummaries() throws Exception {
        Run unblind = cli("study", "unblind", studyDir.toString());
        assertEquals(0, unblind.exit, unblind.toString());
        assertTrue(unblind.out.contains("Arm-Alpha-Intervention"), unblind.out);
        try (StudyFile study = StudyFolder.open(studyDir, Clock.systemUTC())) {
            assertTrue(study.audit().stream().anyMatch(a -> a.action().equals("unblind")), "logged");
        }
        Path xlsx = dir.resolve("open.xlsx");
        Path csv = dir.resolve("open-csv");
        assertEquals(0, cli("study", "export", studyDir.toString(), "--xlsx", xlsx.toString(), "--csv-dir",
                csv.toString()).exit);
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Sessions", "Events", "Agreement", "Summary", "Codebook", "Provenance"),
                    sheets.stream().map(Sheet::getName).toList());
            List<Row> sessions = sheets.get(0).read();
            List<String> header = sessions.get(0).stream().map(c -> c.getRawValue()).toList();
            int ofqCount = header.indexOf("ofq_count");
            int arm = header.indexOf("arm");
            Map<String, Row> byId = new HashMap<>();
            sessions.subList(1, sessions.size()).forEach(r -> byId.put(r.getCellText(0), r));
            assertEquals(1.0, byId.get("R-AAAA").getCellAsNumber(ofqCount).orElseThrow().doubleValue());
            assertEquals(3.0, byId.get("R-CCCC").getCellAsNumber(ofqCount).orElseThrow().doubleValue());
            assertEquals("Arm-Alpha-Intervention", byId.get("R-AAAA").getCellText(arm));
            // Intervention arm: R-AAAA (a: 1 OFQ) and R-CCCC (a: 3 OFQ) -> n 2, mean 2, sd sqrt(2), median 2.
            Row summary = sheets.get(3).read().stream().filter(r -> r.getCellText(0).equals("arm")
                    && r.getCellText(1).equals("Arm-Alpha-Intervention") && r.getCellText(2).equals("ofq_count"))
                    .findFirst().orElseThrow();
            assertEquals(2, summary.getCellAsNumber(3).orElseThrow().intValue());
            assertEquals(2.0, summary.getCellAsNumber(4).orElseThrow().doubleValue(), 1e-12);
            assertEquals(Math.sqrt(2), summary.getCellAsNumber(5).orElseThrow().doubleValue(), 1e-12);
            assertEquals(2.0, summary.getCellAsNumber(6).orElseThrow().doubleValue(), 1e-12);
            Row kappa = sheets.get(2).read().stream().filter(r -> r.getCellText(0).equals("overall")
                    && r.getCellText(2).equals("cohen_kappa")).findFirst().orElseThrow();
            double pe = 8.0 / 36;
            assertEquals((0.5 - pe) / (1 - pe), kappa.getCellAsNumber(3).orElseThrow().doubleValue(), 1e-12);
            Map<String, String> provenance = new HashMap<>();
            sheets.get(5).read().forEach(r -> provenance.put(r.getCellText(0), r.getCellText(1)));
            assertEquals(CODEBOOK.hash(), provenance.get("codebook_hash"));
            assertEquals("2.000", provenance.get("tolerance_s"));
        }
        List<String> lines = Files.readAllLines(csv.resolve("sessions.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("recording,coders,duration_s,source,ofq_count"), lines.get(0));
        String aaaa = lines.stream().filter(l -> l.startsWith("R-AAAA")).findFirst().orElseThrow();
        assertTrue(aaaa.contains(",600,coder:a,1,1,0.3333333333333333,5,4,Arm-Alpha-Intervention"), aaaa);
    }

    private static void assertNoSecretIn(byte[] bytes, String where) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), secret + " found in " + where);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(String... args) throws Exception {
        Run run = cli(args);
        assertEquals(0, run.exit, run.toString());
        return new ObjectMapper().readTree(run.out);
    }
}

package org.earmark.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.earmark.cli.Cli;
import org.earmark.model.Event;
import org.earmark.storage.StudyFile;
import org.earmark.testing.EarmarkProcess;
import org.earmark.testing.SpeechAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study from start to merge, on generated speech with identifying tags in the audio, through
 * the command line: init → assign → package → two coders tag via {@code codes add} → merge → status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudyEndToEndTest {

    @TempDir
    static Path tmp;

    private Path originals;
    private Path study;
    private final Map<Path, byte[]> originalBytes = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private Path annPackage;
    private Path bertrandPackage;
    private Path annFile;
    private Path bertrandFile;

    @BeforeAll
    void makeRecordings() throws Exception {
        originals = Files.createDirectories(tmp.resolve("originals folder with spaces"));
        Path speech1 = SpeechAudio.wav(tmp.resolve("s1.wav"), "What would be different for Amy if this plan works?"
                + " Have you updated the assessment?", "en-gb");
        Path speech2 = SpeechAudio.wav(tmp.resolve("s2.wav"), "Is the baby safe tonight? How will we know things"
                + " are better at home?", "en-us");
        Path speech3 = SpeechAudio.wav(tmp.resolve("s3.wav"), "How are you feeling about this family?", "en-gb");
        SpeechAudio.withTags(speech1, originals.resolve("TeamBlueHollow_JanetSmithers_session1.mp3"),
                Map.of("artist", "Janet Smithers", "album", "Team Blue Hollow", "title", "Supervision 2026-03-14"));
        SpeechAudio.withTags(speech2, originals.resolve("TeamRedMeadow_OwenPrice_session2.wav"),
                Map.of("artist", "Owen Price", "comment", "Team Red Meadow", "title", "Supervision 2026-04-02"));
        SpeechAudio.withTags(speech3, originals.resolve("TeamBlueHollow_JanetSmithers_session3.wav"),
                Map.of("artist", "Janet Smithers", "comment", "Team Blue Hollow"));
        Files.writeString(originals.resolve("allocation.csv"), """
                file,arm,team,supervisor,date
                TeamBlueHollow_JanetSmithers_session1.mp3,OFS-Intervention-Arm,Team Blue Hollow,Janet Smithers,2026-03-14
                TeamRedMeadow_OwenPrice_session2.wav,Usual-Care-Arm,Team Red Meadow,Owen Price,2026-04-02
                "TeamBlueHollow_JanetSmithers_session3.wav",OFS-Intervention-Arm,"Team Blue Hollow","Janet Smithers",2026-05-20
                """);
        try (var files = Files.list(originals)) {
            for (Path p : files.sorted().toList()) {
                originalBytes.put(p, Files.readAllBytes(p));
            }
        }
        secrets.addAll(List.of("OFS-Intervention-Arm", "Usual-Care-Arm", "Team Blue Hollow", "Team Red Meadow",
                "Janet Smithers", "Owen Price", "2026-03-14", "2026-04-02", "2026-05-20", "TeamBlueHollow",
                "TeamRedMeadow", "JanetSmithers", "OwenPrice", "session1", "session2", "session3"));
        study = tmp.resolve("study");
    }

    @Test
    @Order(1)
    void initAnonymisesTheRecordings() throws Exception {
        List<String> args = new ArrayList<>(List.of("study", "init", study.toString(), "--name", "OFS pilot",
                "--codebook", "codebook/outcomes-focused-supervision.json", "--allocation",
                originals.resolve("allocation.csv").toString()));
        originalBytes.keySet().stream().filter(p -> !p.toString().endsWith(".csv")).forEach(p -> args.add(p.toString()));
        Run run = cli(args.toArray(String[]::new));
        assertEquals(0, run.exit, run.toString());
        try (var audio = Files.list(study.resolve("audio"))) {
            List<String> names = audio.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size());
            assertTrue(names.stream().allMatch(n -> n.matches("R-[2-9A-HJKMNP-Z]{4}\\.(mp3|wav)")), names.toString());
            for (String n : names) {
                assertNoSecret(Files.readAllBytes(study.resolve("audio").resolve(n)), "audio/" + n);
            }
        }
        Run info = cli("info", study.toString());
        assertEquals(0, info.exit, info.toString());
        assertTrue(info.out.contains("Earmark study file") && info.out.contains("OFS pilot")
                && info.out.contains("recordings  3") && info.out.contains("blind (allocation hidden)"), info.out);
        assertNoSecret(info.out.getBytes(StandardCharsets.UTF_8), "earmark info");
    }

    @Test
    @Order(2)
    void assignAndPackageLeakNothingOfTheAllocation() throws Exception {
        Run assign = cli("study", "assign", study.toString(), "--coders", "annika,bertrand", "--double-code", "0.67",
                "--seed", "5");
        assertEquals(0, assign.exit, assign.toString());
        annPackage = tmp.resolve("to annika.zip");
        bertrandPackage = tmp.resolve("to bertrand.zip");
        assertEquals(0, cli("study", "package", study.toString(), "--coder", "annika", "--out",
                annPackage.toString()).exit);
        assertEquals(0, cli("study", "package", study.toString(), "--coder", "bertrand", "--out",
                bertrandPackage.toString()).exit);
        scanPackage(annPackage, "bertrand");
        scanPackage(bertrandPackage, "annika");
        annFile = PackageOpener.unpack(annPackage, tmp.resolve("annika's laptop"));
        bertrandFile = PackageOpener.unpack(bertrandPackage, tmp.resolve("bertrand's laptop"));
        assertEquals("annika.earmark", annFile.getFileName().toString());
    }

    @Test
    @Order(3)
    void twoCodersTagThenMergeAndStatusShowsTheirWork() throws Exception {
        Map<String, List<String>> assigned = assignments();
        addCodes(annFile, assigned.get("annika"), "OFQ", 3);
        addCodes(bertrandFile, assigned.get("bertrand"), "OFQ", 2);
        Run merge = cli("study", "merge", study.toString(), annFile.toString(), bertrandFile.toString());
        assertEquals(0, merge.exit, merge.toString());
        assertTrue(merge.out.contains("coder annika") && merge.out.contains("coder bertrand"), merge.out);

        JsonNode status = statusJson();
        assertEquals(List.of("annika", "bertrand"), List.of(status.get("coders").get(0).asText(),
                status.get("coders").get(1).asText()));
        assertEquals(3, status.get("recordings").size());
        for (JsonNode r : status.get("recordings")) {
            String id = r.get("id").asText();
            for (JsonNode coder : r.get("coders")) {
                int expected = assigned.get(coder.asText()).contains(id) ? (coder.asText().equals("annika") ? 3 : 2) : 0;
                assertEquals(expected, r.get("events").get(coder.asText()).asInt(), id + " " + coder);
            }
        }
        assertTrue(merge.out.contains("new"), merge.out);
    }

    @Test
    @Order(4)
    void mergingTheSameFileTwiceChangesNothing() throws Exception {
        String before = statusJson().toString();
        Map<String, List<Event>> eventsBefore = allEvents();
        Run again = cli("study", "merge", study.toString(), annFile.toString());
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.out.contains("0 new, 0 changed"), again.out);
        assertEquals(before, statusJson().toString());
        assertEquals(eventsBefore, allEvents());
    }

    @Test
    @Order(5)
    void aLaterCopyReplacesWhatCameBeforeWithDeletionsHonoured() throws Exception {
        String recording = assignments().get("annika").get(0);
        try (var f = org.earmark.storage.CoderFile.open(annFile)) {
            Event first = f.events(recording).get(0);
            f.delete(first.id());
            f.update(f.events(recording).get(0).withNote("how will we know?", first.updatedAt()));
        }
        Run merge = cli("study", "merge", study.toString(), annFile.toString());
        assertEquals(0, merge.exit, merge.toString());
        assertTrue(merge.out.contains("0 new, 2 changed"), merge.out);
        try (StudyFile s = StudyFile.open(StudyFolder.studyFile(study), Clock.systemUTC())) {
            List<Event> live = s.events("annika", recording);
            assertEquals(2, live.size());
            assertEquals("how will we know?", live.get(0).note());
        }
    }

    @Test
    @Order(6)
    void aFileFromAnotherStudyIsRefused() throws Exception {
        Path other = tmp.resolve("other.earmark");
        org.earmark.storage.TestFiles.create(other).close();
        Run run = cli("study", "merge", study.toString(), other.toString());
        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("belongs to another study") && run.err.contains("Nothing was merged"), run.err);
    }

    @Test
    @Order(7)
    void agreementFidelityUnblindAndExportGiveTheNumbersWorkedOutHere() throws Exception {
        Map<String, List<String>> assigned = assignments();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>(); // recording -> coder -> live OFQ events
        try (StudyFile s = StudyFile.open(StudyFolder.studyFile(study), Clock.systemUTC())) {
            for (var r : s.recordings()) {
                for (String coder : s.coders()) {
                    if (assigned.get(coder).contains(r.id())) {
                        counts.computeIfAbsent(r.id(), k -> new LinkedHashMap<>())
                                .put(coder, s.events(coder, r.id()).size());
                    }
                }
            }
        }
        // Every event is OFQ, 0.7 s apart: two coders pair min(a, b) events, all agreeing, and leave |a - b| unpaired.
        long pairs = 0;
        long unpaired = 0;
        long[] firstMarginal = new long[2]; // annika: OFQ, no event
        long[] secondMarginal = new long[2]; // bertrand
        for (Map<String, Integer> byCoder : counts.values()) {
            if (byCoder.size() < 2) {
                continue;
            }
            int a = byCoder.get("annika");
            int b = byCoder.get("bertrand");
            pairs += Math.min(a, b);
            unpaired += Math.abs(a - b);
            firstMarginal[0] += a;
            firstMarginal[1] += Math.max(0, b - a);
            secondMarginal[0] += b;
            secondMarginal[1] += Math.max(0, a - b);
        }
        double units = pairs + unpaired;
        double po = pairs / units;
        double pe = (firstMarginal[0] * secondMarginal[0] + firstMarginal[1] * secondMarginal[1]) / (units * units);
        JsonNode agreement = new ObjectMapper().readTree(cli("study", "agreement", study.toString(), "--json").out);
        assertEquals(pairs, agreement.get("overall").get("pairs").asLong());
        assertEquals(pairs, agreement.get("overall").get("agreed").asLong());
        assertEquals(unpaired, agreement.get("overall").get("unpaired").asLong());
        assertEquals(po, agreement.get("overall").get("percent_agreement").asDouble(), 1e-12);
        assertEquals((po - pe) / (1 - pe), agreement.get("overall").get("cohen_kappa").asDouble(), 1e-12);

        JsonNode fidelity = new ObjectMapper().readTree(cli("study", "fidelity", study.toString(), "--json").out);
        for (JsonNode row : fidelity.get("rows")) {
            String coder = row.get("source").asText().substring("coder:".length());
            assertEquals(counts.get(row.get("recording").asText()).get(coder),
                    row.get("metrics").get("ofq_count").asInt(), row.toString());
            assertEquals(1.0, row.get("metrics").get("ofq_share").asDouble(), 1e-12, "every question is OFQ");
        }

        Path blindXlsx = tmp.resolve("blind.xlsx");
        assertEquals(0, cli("study", "export", study.toString(), "--xlsx", blindXlsx.toString()).exit);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(blindXlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    assertNoSecret(in.readAllBytes(), "blind.xlsx!" + e.getName());
                }
            }
        }
        Run unblind = cli("study", "unblind", study.toString());
        assertEquals(0, unblind.exit, unblind.toString());
        Path xlsx = tmp.resolve("results.xlsx");
        assertEquals(0, cli("study", "export", study.toString(), "--xlsx", xlsx.toString()).exit);
        Map<String, String> armOf = new LinkedHashMap<>();
        try (StudyFile s = StudyFile.open(StudyFolder.studyFile(study), Clock.systemUTC())) {
            Map<String, String> byOriginal = s.originalFileNames();
            byOriginal.forEach((original, id) -> armOf.put(id, original.contains("Red") ? "Usual-Care-Arm"
                    : "OFS-Intervention-Arm"));
        }
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(Files.newInputStream(xlsx))) {
            var sheets = wb.getSheets().toList();
            var sessions = sheets.get(0).read();
            List<String> header = sessions.get(0).stream().map(c -> c.getRawValue()).toList();
            Map<String, List<Double>> ofqByArm = new LinkedHashMap<>();
            for (var row : sessions.subList(1, sessions.size())) {
                String id = row.getCellText(0);
                String coder = row.getCellText(header.indexOf("source")).substring("coder:".length());
                double ofq = row.getCellAsNumber(header.indexOf("ofq_count")).orElseThrow().doubleValue();
                assertEquals(counts.get(id).get(coder), (int) ofq, id);
                assertEquals(armOf.get(id), row.getCellText(header.indexOf("arm")), id);
                ofqByArm.computeIfAbsent(armOf.get(id), k -> new ArrayList<>()).add(ofq);
            }
            var summary = sheets.stream().filter(sh -> sh.getName().equals("Summary")).findFirst().orElseThrow().read();
            for (var e : ofqByArm.entrySet()) {
                var row = summary.stream().filter(r -> r.getCellText(0).equals("arm") && r.getCellText(1)
                        .equals(e.getKey()) && r.getCellText(2).equals("ofq_count")).findFirst().orElseThrow();
                double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                assertEquals(e.getValue().size(), row.getCellAsNumber(3).orElseThrow().intValue());
                assertEquals(mean, row.getCellAsNumber(4).orElseThrow().doubleValue(), 1e-12);
            }
        }
    }

    @Test
    @Order(8)
    void theOriginalsWereNeverChanged() throws Exception {
        for (var e : originalBytes.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " changed");
        }
    }

    private void addCodes(Path coderFile, List<String> recordings, String code, int perRecording) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String r : recordings) {
            for (int i = 0; i < perRecording; i++) {
                lines.append(r).append(',').append(code).append(',').append(0.5 + i * 0.7).append('\n');
            }
        }
        lines.append("R-NOPE,OFQ,1.0\n");
        EarmarkProcess.Result result = EarmarkProcess.run(lines.toString(), "codes", "add", coderFile.toString(),
                "--stdin");
        assertEquals(2, result.exitCode(), "one line is refused: " + result);
        assertEquals(recordings.size() * perRecording, result.out().lines().filter(l -> l.startsWith("saved ")).count(),
                result.toString());
        int badLine = recordings.size() * perRecording + 1;
        assertTrue(result.out().contains("error " + badLine + ": No recording R-NOPE"), result.toString());
    }

    private Map<String, List<String>> assignments() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (StudyFile s = StudyFile.open(StudyFolder.studyFile(study), Clock.systemUTC())) {
            s.assignments().forEach(a -> out.computeIfAbsent(a.coder(), k -> new ArrayList<>()).add(a.recordingId()));
        }
        return out;
    }

    private Map<String, List<Event>> allEvents() {
        Map<String, List<Event>> out = new LinkedHashMap<>();
        try (StudyFile s = StudyFile.open(StudyFolder.studyFile(study), Clock.systemUTC())) {
            for (String coder : s.coders()) {
                for (var r : s.recordings()) {
                    out.put(coder + "/" + r.id(), s.events(coder, r.id()));
                }
            }
        }
        return out;
    }

    private JsonNode statusJson() throws Exception {
        Run run = cli("study", "status", study.toString(), "--json");
        assertEquals(0, run.exit, run.toString());
        return new ObjectMapper().readTree(run.out);
    }

    /** Every byte of the package and of every entry inside it, searched for every secret. */
    private void scanPackage(Path pkg, String otherCoder) throws Exception {
        byte[] whole = Files.readAllBytes(pkg);
        assertNoSecret(whole, pkg.toString());
        assertNotIn(whole, otherCoder, pkg.toString());
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pkg))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                assertNoSecret(entry.getName().getBytes(StandardCharsets.UTF_8), pkg + " entry name");
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                assertNoSecret(content.toByteArray(), pkg + "!" + entry.getName());
                assertNotIn(content.toByteArray(), otherCoder, pkg + "!" + entry.getName());
            }
        }
        assertTrue(entries >= 2, "a coder file and audio");
    }

    private void assertNoSecret(byte[] bytes, String where) {
        for (String secret : secrets) {
            assertNotIn(bytes, secret, where);
        }
    }

    private static void assertNotIn(byte[] haystack, String secret, String where) {
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] needle = secret.getBytes(charset);
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                throw new AssertionError("\"" + secret + "\" (" + charset + ") found in " + where + " at byte " + i);
            }
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
}

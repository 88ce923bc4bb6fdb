package org.earmark.ui.study;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.core.Hashes;
import org.earmark.core.Progress;
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

/**
 * A small study for the lead screens' tests: three 60-second WAV recordings, R-AAAA and R-BBBB
 * double-coded by coders a and b, R-CCCC by a alone; packages made and both coders' files coded,
 * but not merged. The hand-worked agreement: 4 matched pairs, 3 with the same code, 2 unpaired
 * events, so percent agreement 0.500; OFQ has F1 0.800.
 */
public final class TestStudy {

    public static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));
    /** Every allocation value: none may be shown before unblinding. */
    public static final List<String> SECRETS = List.of("Arm-Alpha-Intervention", "Arm-Beta-UsualCare",
            "Northfield Team", "Southgate Team");

    public final Path studyDir;
    public final Path coderFileA;
    public final Path coderFileB;

    private TestStudy(Path studyDir, Path coderFileA, Path coderFileB) {
        this.studyDir = studyDir;
        this.coderFileA = coderFileA;
        this.coderFileB = coderFileB;
    }

    public static TestStudy create(Path tmp) throws Exception {
        Path studyDir = tmp.resolve("study");
        Files.createDirectories(studyDir.resolve("audio"));
        List<StudySetup.Entry> entries = new ArrayList<>();
        String[][] rows = {{"R-AAAA", "Arm-Alpha-Intervention", "Northfield Team"},
                {"R-BBBB", "Arm-Beta-UsualCare", "Southgate Team"},
                {"R-CCCC", "Arm-Alpha-Intervention", "Southgate Team"}};
        int n = 0;
        for (String[] row : rows) {
            Path audio = studyDir.resolve("audio/" + row[0] + ".wav");
            wav(audio, 60, 200 + 150 * n++);
            entries.add(new StudySetup.Entry(new StudyRecording(row[0], "audio/" + row[0] + ".wav", "wav",
                    Hashes.sha256(audio), 60_000), "orig-" + row[0] + ".wav", "sha-" + row[0],
                    Map.of("arm", row[1], "team", row[2])));
        }
        Path a;
        Path b;
        try (StudyFile study = StudyFile.create(StudyFolder.studyFile(studyDir),
                new StudySetup("UI test study", CODEBOOK, List.of("arm", "team"), entries), Clock.systemUTC())) {
            study.assign(List.of("a", "b"), List.of(
                    new Assignment("R-AAAA", "a", 0, "primary"), new Assignment("R-AAAA", "b", 0, "second"),
                    new Assignment("R-BBBB", "b", 1, "primary"), new Assignment("R-BBBB", "a", 1, "second"),
                    new Assignment("R-CCCC", "a", 2, "primary")), "by hand");
            a = code(study, studyDir, tmp, "a", Map.of(
                    "R-AAAA", List.of(p("OFQ", 10_000), p("TASK", 20_000), p("RISK", 30_000),
                            new NewEvent("R-AAAA", "CASE", 0, 30_000L, "")),
                    "R-BBBB", List.of(p("OFQ", 5_000), p("OFQ", 50_000)),
                    "R-CCCC", List.of(p("OFQ", 1_000), p("OFQ", 2_000), p("OFQ", 3_000), p("TASK", 4_000))),
                    Map.of("R-AAAA", 4, "R-CCCC", 5));
            b = code(study, studyDir, tmp, "b", Map.of(
                    "R-AAAA", List.of(p("OFQ", 10_500), p("TASK", 21_000), p("OTHQ", 50_000),
                            new NewEvent("R-AAAA", "CASE", 6_000, 30_000L, "")),
                    "R-BBBB", List.of(p("OFQ", 6_000), p("REFL", 51_000))),
                    Map.of("R-BBBB", 2));
        }
        return new TestStudy(studyDir, a, b);
    }

    /** Merges both coders' files, as the lead would before looking at results. */
    public TestStudy mergeAll() {
        try (StudyFile study = StudyFolder.open(studyDir, Clock.systemUTC())) {
            Merger.merge(study, coderFileA);
            Merger.merge(study, coderFileB);
        }
        return this;
    }

    private static NewEvent p(String code, long ms) {
        return NewEvent.point("R-XXXX", code, ms);
    }

    private static Path code(StudyFile study, Path studyDir, Path tmp, String coder,
            Map<String, List<NewEvent>> events, Map<String, Integer> ratings) {
        Path pkg = tmp.resolve(coder + ".zip");
        Packager.write(study, studyDir, coder, pkg, audio -> null, Clock.systemUTC(), Progress.NONE);
        Path file = PackageOpener.unpack(pkg, tmp.resolve(coder + "-laptop"));
        try (CoderFile f = CoderFile.open(file)) {
            events.forEach((recording, list) -> list.forEach(e -> f.add(new NewEvent(recording, e.code(), e.startMs(),
                    e.endMs(), e.note()))));
            ratings.forEach((recording, value) -> f.setRating(recording, "outcome_focus", value));
        }
        return file;
    }

    /** A mono 16-bit WAV: a tone that swells and fades every few seconds, like speech turns. */
    static void wav(Path file, int seconds, double hz) throws Exception {
        int rate = 4_000;
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < rate * seconds; i++) {
            double t = (double) i / rate;
            double envelope = Math.max(0, Math.sin(2 * Math.PI * t / 7.0)) * (0.4 + 0.6 * Math.abs(Math.sin(t * 1.3)));
            short s = (short) (envelope * 20_000 * Math.sin(2 * Math.PI * hz * t));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, rate * seconds)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}

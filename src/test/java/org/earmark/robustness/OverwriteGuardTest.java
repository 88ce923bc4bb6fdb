package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.earmark.core.Failures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes a file the user names refuses, before writing anything, to replace a study
 * file, a coder file, a package or a recording — found by a user test where a mistyped {@code --xlsx}
 * or {@code --out} replaced the study database — and still replaces its own earlier output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverwriteGuardTest {

    @TempDir
    static Path tmp;

    private Fixture fx;
    private Path otherCoderFile;
    private Path recording;
    private Path annPackage;

    @BeforeAll
    void build() throws Exception {
        fx = Fixture.build(tmp);
        otherCoderFile = Files.copy(fx.coderFile(), fx.root().resolve("bx3.earmark"));
        try (Stream<Path> audio = Files.list(fx.studyDir().resolve("audio"))) {
            recording = audio.sorted().findFirst().orElseThrow();
        }
        annPackage = fx.root().resolve("ann package.zip");
    }

    /** The files a refused command must leave as they were, by content. */
    private Map<Path, String> precious() {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Path p : List.of(fx.studyFile(), fx.coderFile(), otherCoderFile, recording, annPackage)) {
            files.put(p, Fixture.sha256(p));
        }
        return files;
    }

    private void assertRefused(Path named, String holds, String... args) {
        Map<Path, String> before = precious();
        Run run = Run.cli(args);
        assertEquals(Failures.EXIT_BAD_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains(named.toString()) && run.err().contains(holds), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run);
        assertEquals(before, precious(), "nothing the user named was changed");
    }

    @Test
    void studyExportWillNotReplaceStudyOrCoderFilesPackagesOrRecordings() {
        String dir = fx.studyDir().toString();
        assertRefused(fx.studyFile(), "an Earmark study file", "study", "export", dir, "--xlsx",
                fx.studyFile().toString());
        assertRefused(otherCoderFile, "an Earmark coder file", "study", "export", dir, "--xlsx",
                otherCoderFile.toString());
        assertRefused(recording, "a recording", "study", "export", dir, "--xlsx", recording.toString());
        assertRefused(annPackage, "an Earmark package", "study", "export", dir, "--xlsx", annPackage.toString());
        assertRefused(fx.studyDir(), "is a folder", "study", "export", dir, "--xlsx", fx.studyDir().toString());
    }

    @Test
    void aCsvFolderThatIsAFileIsRefusedBeforeTheWorkbookIsWritten() throws Exception {
        Path xlsx = fx.root().resolve("never written.xlsx");
        Path notAFolder = Files.writeString(fx.root().resolve("csv here"), "my notes\n");
        String notes = Fixture.sha256(notAFolder);
        assertRefused(notAFolder, "is a file, not a folder", "study", "export", fx.studyDir().toString(), "--xlsx",
                xlsx.toString(), "--csv-dir", notAFolder.toString());
        assertFalse(Files.exists(xlsx), "the workbook is not written when the CSV folder is refused");
        assertEquals(notes, Fixture.sha256(notAFolder));

        Path csvDir = Files.createDirectories(fx.root().resolve("csv with a study in it"));
        Path sessions = Files.copy(fx.studyFile(), csvDir.resolve("sessions.csv"));
        String study = Fixture.sha256(sessions);
        assertRefused(sessions, "an Earmark study file", "study", "export", fx.studyDir().toString(), "--xlsx",
                xlsx.toString(), "--csv-dir", csvDir.toString());
        assertFalse(Files.exists(xlsx));
        assertEquals(study, Fixture.sha256(sessions));
    }

    @Test
    void studyExportStillReplacesItsOwnEarlierOutput() throws Exception {
        Path xlsx = fx.root().resolve("results.xlsx");
        Path csvDir = fx.root().resolve("results csv");
        for (int i = 0; i < 2; i++) {
            Run run = Run.cli("study", "export", fx.studyDir().toString(), "--xlsx", xlsx.toString(), "--csv-dir",
                    csvDir.toString());
            assertEquals(0, run.exitCode(), run.toString());
        }
        assertTrue(Files.size(xlsx) > 0 && Files.exists(csvDir.resolve("sessions.csv")));
    }

    @Test
    void codesExportCsvWillNotReplaceACoderFileOrARecording() {
        String coder = fx.coderFile().toString();
        assertRefused(fx.coderFile(), "an Earmark coder file", "codes", "export", coder, "--format", "csv", "--out",
                coder);
        assertRefused(otherCoderFile, "an Earmark coder file", "codes", "export", coder, "--format", "csv", "--out",
                otherCoderFile.toString());
        assertRefused(recording, "a recording", "codes", "export", coder, "--format", "csv", "--out",
                recording.toString());
        assertRefused(fx.studyFile(), "an Earmark study file", "codes", "export", coder, "--format", "csv", "--out",
                fx.studyFile().toString());
    }

    @Test
    void codesExportCsvStillReplacesAnEarlierCsv() throws Exception {
        Path csv = fx.root().resolve("events.csv");
        for (int i = 0; i < 2; i++) {
            Run run = Run.cli("codes", "export", fx.coderFile().toString(), "--format", "csv", "--out", csv.toString());
            assertEquals(0, run.exitCode(), run.toString());
        }
        assertTrue(Files.readString(csv).startsWith("recording,code,start_s,end_s,note"));
    }

    @Test
    void codesExportEafAndTextGridWillNotReplaceFilesTheyDoNotOwn() throws Exception {
        for (String format : List.of("eaf", "textgrid")) {
            String coder = fx.coderFile().toString();
            assertRefused(fx.coderFile(), "is a file, not a folder", "codes", "export", coder, "--format", format,
                    "--out", coder);
            assertRefused(recording, "is a file, not a folder", "codes", "export", coder, "--format", format,
                    "--out", recording.toString());
            Path dir = Files.createDirectories(fx.root().resolve(format + " out with a coder file"));
            String id = recording.getFileName().toString().replaceFirst("\\.[a-z0-9]+$", "");
            Path planted = Files.copy(otherCoderFile, dir.resolve(id + (format.equals("eaf") ? ".eaf" : ".TextGrid")));
            String sha = Fixture.sha256(planted);
            assertRefused(planted, "an Earmark coder file", "codes", "export", coder, "--format", format, "--out",
                    dir.toString());
            assertEquals(sha, Fixture.sha256(planted));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(planted), files.toList(), "no file is written when one target is refused");
            }
        }
    }

    @Test
    void codesExportEafAndTextGridStillReplaceEarlierExports() throws Exception {
        for (String format : List.of("eaf", "textgrid")) {
            Path dir = fx.root().resolve(format + " again");
            for (int i = 0; i < 2; i++) {
                Run run = Run.cli("codes", "export", fx.coderFile().toString(), "--format", format, "--out",
                        dir.toString());
                assertEquals(0, run.exitCode(), run.toString());
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(3, files.count());
            }
        }
    }

    @Test
    void studyPackageWillNotReplaceACoderFileTheStudyOrARecording() {
        String dir = fx.studyDir().toString();
        assertRefused(otherCoderFile, "an Earmark coder file", "study", "package", dir, "--coder", "ann", "--out",
                otherCoderFile.toString());
        assertRefused(fx.studyFile(), "an Earmark study file", "study", "package", dir, "--coder", "ann", "--out",
                fx.studyFile().toString());
        assertRefused(recording, "a recording", "study", "package", dir, "--coder", "bob", "--out",
                recording.toString());
        assertRefused(fx.root(), "is a folder", "study", "package", dir, "--coder", "bob", "--out",
                fx.root().toString());
    }

    @Test
    void studyPackageStillReplacesAnEarlierPackage() throws Exception {
        Path pkg = fx.root().resolve("bob package.zip");
        for (int i = 0; i < 2; i++) {
            Run run = Run.cli("study", "package", fx.studyDir().toString(), "--coder", "bob", "--out", pkg.toString());
            assertEquals(0, run.exitCode(), run.toString());
        }
        assertTrue(Files.size(pkg) > 0);
    }
}

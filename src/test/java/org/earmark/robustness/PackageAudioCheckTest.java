package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earmark.core.Failures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package carries the study's recordings as the study recorded them: a recording damaged, replaced or gone since
 * set-up stops the package with a message naming it, instead of sending a coder audio the study never had.
 */
class PackageAudioCheckTest {

    @TempDir
    Path tmp;

    private static List<Path> recordings(Fixture fx) throws Exception {
        try (var files = Files.list(fx.studyDir().resolve("audio"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aDamagedRecordingStopsThePackage() throws Exception {
        Fixture fx = Fixture.build(tmp);
        Path audio = recordings(fx).get(0);
        byte[] bytes = Files.readAllBytes(audio);
        Files.write(audio, java.util.Arrays.copyOf(bytes, 1000));
        Path pkg = fx.root().resolve("bob.earmark-package");
        Run run = Run.cli("study", "package", fx.studyDir().toString(), "--coder", "bob", "--out", pkg.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains(audio.getFileName() + " is not the recording ")
                && run.err().contains("damaged or replaced") && run.err().contains("no package was written"),
                run.toString());
        assertFalse(Files.exists(pkg), "no package");

        Files.delete(audio);
        Run missing = Run.cli("study", "package", fx.studyDir().toString(), "--coder", "bob", "--out", pkg.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("is missing: there is no " + audio), missing.toString());
        assertFalse(Files.exists(pkg), "no package");

        Files.write(audio, bytes);
        Run ok = Run.cli("study", "package", fx.studyDir().toString(), "--coder", "bob", "--out", pkg.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
    }
}

package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.core.Failures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a lead researcher gives {@code study init} by mistake or from another machine, and what they are told. */
class StudyInitInputsTest {

    @TempDir
    Path dir;

    private Run init(Path allocation, Path... audio) {
        String[] args = new String[8 + audio.length];
        String[] fixed = {"study", "init", dir.resolve("study").toString(), "--name", "S", "--codebook",
            Fixture.SHIPPED_CODEBOOK.toString(), "--allocation=" + allocation};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        for (int i = 0; i < audio.length; i++) {
            args[fixed.length + i] = audio[i].toString();
        }
        return Run.cli(args);
    }

    /** Files named on a Mac arrive decomposed (e + U+0308); the key typed elsewhere has the composed ë. */
    @Test
    void aNameInAnotherUnicodeFormIsTheSameName() throws Exception {
        Path decomposed = Fixture.wav(dir.resolve("Session 016 Zoe\u0308 Owl.wav"), 1, 440);
        Path allocation = Files.writeString(dir.resolve("allocation.csv"), "file,arm\nSession 016 Zo\u00eb Owl.wav,A\n");
        Run run = init(allocation, decomposed);
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void aMissingFileOrAFolderIsSaidToBeOne() throws Exception {
        Path allocation = Files.writeString(dir.resolve("allocation.csv"), "file,arm\nSession 019.mp3,A\n");
        Run missing = init(allocation, dir.resolve("Session 019.mp3"));
        assertEquals(Failures.EXIT_BAD_INPUT, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("Session 019.mp3: no such file"), missing.toString());
        assertFalse(missing.err().contains("not listed"), missing.toString());

        Path folder = Files.createDirectories(dir.resolve("Recordings folder"));
        Run given = init(allocation, folder);
        assertEquals(Failures.EXIT_BAD_INPUT, given.exitCode(), given.toString());
        assertTrue(given.err().contains("Recordings folder is a folder; give the audio files in it"), given.toString());
        assertFalse(Files.exists(dir.resolve("study")), "nothing made");
    }

    @Test
    void theStudyFileOrACoderFileGivenForTheFolderIsSaidToBeOne() throws Exception {
        Path audio = Fixture.wav(dir.resolve("a.wav"), 1, 440);
        Run made = init(Files.writeString(dir.resolve("allocation.csv"), "file,arm\na.wav,A\n"), audio);
        assertEquals(0, made.exitCode(), made.toString());
        Path studyFile = dir.resolve("study").resolve("study.earmark-study");
        Run status = Run.cli("study", "status", studyFile.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, status.exitCode(), status.toString());
        assertTrue(status.err().contains("is the study file; give the study folder that holds it: "
                + dir.resolve("study")), status.toString());
        Run other = Run.cli("study", "status", audio.toString());
        assertTrue(other.err().contains("a.wav is a file, not a study folder"), other.toString());
    }
}

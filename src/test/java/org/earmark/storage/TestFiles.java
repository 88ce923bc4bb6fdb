package org.earmark.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.Recording;

/** Coder files for tests: the shipped codebook and two recordings. */
public final class TestFiles {

    public static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));

    private TestFiles() {
    }

    public static CoderFileSetup setup() {
        return new CoderFileSetup("study-1", "Test study", "alice", CODEBOOK, List.of(
                new Recording("R-7Q3K", 0, "ab".repeat(32), 600_000L, "R-7Q3K.wav"),
                new Recording("R-2MXD", 1, "cd".repeat(32), 300_000L, "R-2MXD.wav")));
    }

    public static CoderFile create(Path file) {
        return CoderFile.create(file, setup(), Clock.systemUTC());
    }
}

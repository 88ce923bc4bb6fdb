package org.earmark.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.earmark.model.Recording;
import org.earmark.session.RecordingAudio;
import org.earmark.core.Progress;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;
import org.earmark.storage.TestFiles;

/** Coder files whose recordings have real audio beside them, as in a coder package. */
public final class TestCoderFiles {

    private TestCoderFiles() {
    }

    /** A coder file in {@code dir} with R-7Q3K (speech, {@code seconds} long) and R-2MXD (no audio). */
    public static Path withSpeech(Path dir, String name, double seconds) throws Exception {
        Path wav = TestAudio.speech(dir.resolve("R-7Q3K.wav"), "How will we know that things are better for the"
                + " children at home? Who else is in the house when Dad has been drinking? When is the review"
                + " conference booked for? How are you feeling about this family after last week?", seconds);
        long ms = Math.round(seconds * 1000);
        String sha = RecordingAudio.sha256(wav, Progress.NONE);
        CoderFileSetup setup = new CoderFileSetup("study-1", "Test study", "alice", TestFiles.CODEBOOK, List.of(
                new Recording("R-7Q3K", 0, sha, ms, "R-7Q3K.wav"),
                new Recording("R-2MXD", 1, "cd".repeat(32), 300_000L, "R-2MXD.wav")));
        Path file = dir.resolve(name);
        CoderFile.create(file, setup, Clock.systemUTC()).close();
        return file;
    }
}

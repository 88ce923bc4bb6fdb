package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.earmark.core.Progress;
import org.earmark.model.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and checking a recording's audio beside its coder file. */
class RecordingAudioTest {

    @TempDir
    Path dir;

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void audioWithTheRightChecksumIsPlayable() throws Exception {
        Files.writeString(dir.resolve("R-7Q3K.wav"), "abc");
        var located = new RecordingAudio().locate(dir.resolve("a.earmark"),
                new Recording("R-7Q3K", 0, ABC, 1L, "R-7Q3K.wav"), Progress.NONE);
        assertEquals(RecordingAudio.Problem.NONE, located.problem());
        assertEquals(ABC, located.sha256());
        assertEquals(dir.resolve("R-7Q3K.wav"), located.path());
    }

    @Test
    void eachProblemIsNamed() throws Exception {
        RecordingAudio audio = new RecordingAudio();
        Path coderFile = dir.resolve("a.earmark");
        assertEquals(RecordingAudio.Problem.NOT_LISTED, audio.locate(coderFile,
                new Recording("R-1", 0, ABC, 1L, null), Progress.NONE).problem());
        assertEquals(RecordingAudio.Problem.MISSING, audio.locate(coderFile,
                new Recording("R-1", 0, ABC, 1L, "R-1.wav"), Progress.NONE).problem());
        Files.writeString(dir.resolve("R-1.wav"), "abd");
        assertEquals(RecordingAudio.Problem.CHECKSUM, audio.locate(coderFile,
                new Recording("R-1", 0, ABC, 1L, "R-1.wav"), Progress.NONE).problem());
        assertEquals(RecordingAudio.Problem.NONE, audio.locate(coderFile,
                new Recording("R-1", 0, null, 1L, "R-1.wav"), Progress.NONE).problem(),
                "no checksum recorded: nothing to check against");
    }

    @Test
    void anUnchangedFileIsHashedOnce() throws Exception {
        Files.writeString(dir.resolve("R-7Q3K.wav"), "abc");
        RecordingAudio audio = new RecordingAudio();
        AtomicInteger reports = new AtomicInteger();
        Progress counting = new Progress() {
            @Override
            public void update(double fraction, String message) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Recording r = new Recording("R-7Q3K", 0, ABC, 1L, "R-7Q3K.wav");
        audio.locate(dir.resolve("a.earmark"), r, counting);
        int first = reports.get();
        assertTrue(first > 0);
        audio.locate(dir.resolve("a.earmark"), r, counting);
        assertEquals(first, reports.get(), "the second look is from memory");
    }
}

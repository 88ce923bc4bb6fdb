package org.earmark.ui.coding.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.audio.Peaks;
import org.earmark.core.Progress;
import org.earmark.model.Recording;
import org.earmark.ui.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waveform peaks from a WAV through Java Sound, with progress and cancel. */
class DecoderPeaksSourceTest {

    @TempDir
    Path dir;

    private final Recording recording = new Recording("R-7Q3K", 0, null, 2_500L, "R-7Q3K.wav");

    @Test
    void peaksOfAWavCoverItsLengthInTenMillisecondBins() throws Exception {
        Path wav = TestAudio.tones(dir.resolve("R-7Q3K.wav"), 2.5);
        double[] last = {-1};
        Peaks peaks = new DecoderPeaksSource().load(recording, wav, new Progress() {
            @Override
            public void update(double fraction, String message) {
                last[0] = fraction;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(10, peaks.binMillis());
        assertEquals(2_500, peaks.durationMs());
        assertEquals(250, peaks.bins());
        assertEquals(1.0, last[0], 1e-9);
        short loud = 0;
        for (int i = 0; i < peaks.bins(); i++) {
            assertTrue(peaks.min()[i] <= peaks.max()[i]);
            loud = (short) Math.max(loud, peaks.max()[i]);
        }
        assertTrue(loud > 10_000, "the bursts are there: " + loud);
        assertTrue(peaks.max()[60] > 5_000 && peaks.max()[190] < 100, "a burst at 0.6 s, a pause at 1.9 s");
    }

    @Test
    void aCancelledDecodeStops() throws Exception {
        Path wav = TestAudio.tones(dir.resolve("R-7Q3K.wav"), 2.5);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Progress.CancelledException.class, () -> new DecoderPeaksSource().load(recording, wav, cancelled));
    }

    @Test
    void aFileThatIsNotAudioHasNoWaveform() throws Exception {
        Path bad = Files.writeString(dir.resolve("R-7Q3K.wav"), "not audio");
        assertThrows(PeaksSource.WaveformUnavailable.class,
                () -> new DecoderPeaksSource().load(recording, bad, Progress.NONE));
    }
}

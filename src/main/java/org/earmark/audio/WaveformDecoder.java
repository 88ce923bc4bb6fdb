package org.earmark.audio;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotNull;

import java.nio.file.Path;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;

/**
 * Computes the waveform {@link Peaks} of a recording: WAV by reading its PCM through memory-mapped windows, MP3 with
 * our own pure-Java Layer III decoder on all cores with the encoder delay corrected, M4A through an {@code ffmpeg}
 * process.
 * Decoded audio is folded into bins as it comes, so a 90-minute file needs a few megabytes of heap, not hundreds.
 *
 * <p>Channels are mixed to mono by their envelope: each bin holds the lowest and highest sample of any channel.
 * Bin {@code i} covers player time {@code [i * binMillis, (i + 1) * binMillis)} ms.
 */
public final class WaveformDecoder {

    public static final int DEFAULT_BIN_MILLIS = 10;

    private WaveformDecoder() {
    }

    public static Peaks compute(Path audio, Progress progress) {
        return compute(audio, DEFAULT_BIN_MILLIS, progress);
    }

    /**
     * @param progress gets fractions 0..1 (its message is left to the caller) and is asked often whether to stop
     * @throws Progress.CancelledException when {@code progress} says it was cancelled
     * @throws EarmarkException            {@code BAD_INPUT} for a file that is not usable audio (see
     *                                     {@link AudioProbe#probe}) or cannot be decoded; for M4A without ffmpeg, a
     *                                     message that only the waveform is unavailable
     */
    public static Peaks compute(Path audio, int binMillis, Progress progress) {
        checkNotNull(audio, "audio");
        checkNotNull(progress, "progress");
        checkArgument(binMillis > 0 && binMillis <= 60_000, "binMillis must be 1..60000, was %d", binMillis);
        progress.checkCancelled();
        try (FileBytes file = AudioProbe.open(audio)) {
            Peaks peaks = switch (AudioProbe.identify(file)) {
                case WAV -> WavPeaks.compute(file, WavLayout.read(file), binMillis, progress);
                case MP3 -> Mp3Peaks.compute(audio, Mp3Scanner.scan(file), binMillis, progress, Mp3Peaks.defaultThreads());
                case M4A -> FfmpegPeaks.compute(audio, Mp4Layout.read(file), binMillis, progress);
            };
            progress.update(1.0, null);
            return peaks;
        }
    }
}

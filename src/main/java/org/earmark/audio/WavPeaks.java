package org.earmark.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import org.earmark.core.Progress;

/**
 * Peaks of PCM WAV read through memory-mapped windows: twice as fast as javax.sound.sampled here, and the heap only
 * ever holds one block of samples.
 */
final class WavPeaks {

    private static final int WINDOW_BYTES = 16 << 20;
    private static final int BLOCK_FRAMES = 1 << 15;

    private WavPeaks() {
    }

    static Peaks compute(FileBytes file, WavLayout wav, int binMillis, Progress progress) {
        long frames = wav.frames();
        PeakBins bins = new PeakBins(wav.sampleRate(), binMillis, frames, 0);
        int channels = wav.channels();
        long windowFrames = Math.max(1, WINDOW_BYTES / wav.blockAlign());
        short[] shorts = new short[BLOCK_FRAMES * channels];
        float[] scratch = new float[BLOCK_FRAMES];
        for (long start = 0; start < frames; start += windowFrames) {
            long count = Math.min(windowFrames, frames - start);
            ByteBuffer window = map(file, wav.dataOffset() + start * wav.blockAlign(), count * wav.blockAlign());
            for (int done = 0; done < count; done += BLOCK_FRAMES) {
                progress.checkCancelled();
                int n = (int) Math.min(BLOCK_FRAMES, count - done);
                long sample = start + done;
                if (wav.encoding() == WavLayout.Encoding.PCM_S16) {
                    ShortBuffer samples = window.position(done * wav.blockAlign()).slice().order(ByteOrder.LITTLE_ENDIAN)
                            .asShortBuffer();
                    samples.get(shorts, 0, n * channels);
                    bins.addInterleaved(sample, shorts, 0, n, channels, scratch);
                } else {
                    for (int c = 0; c < channels; c++) {
                        convert(window, done, n, c, wav, scratch);
                        bins.add(sample, scratch, n);
                    }
                }
            }
            progress.update((double) (start + count) / frames, null);
        }
        return bins.peaks(frames);
    }

    /** Other sample encodings, scaled to the 16-bit range the peaks are kept in. */
    private static void convert(ByteBuffer window, int firstFrame, int frames, int channel, WavLayout wav, float[] out) {
        int bytes = wav.encoding().bytes;
        for (int f = 0; f < frames; f++) {
            int at = (firstFrame + f) * wav.blockAlign() + channel * bytes;
            out[f] = switch (wav.encoding()) {
                case PCM_U8 -> ((window.get(at) & 0xFF) - 128) * 256f;
                case PCM_S16 -> window.getShort(at);
                case PCM_S24 -> ((window.get(at) & 0xFF) | (window.get(at + 1) & 0xFF) << 8 | window.get(at + 2) << 16)
                        / 256f;
                case PCM_S32 -> window.getInt(at) / 65536f;
                case FLOAT32 -> window.getFloat(at) * 32768f;
            };
        }
    }

    private static ByteBuffer map(FileBytes file, long position, long length) {
        try {
            return file.channel().map(FileChannel.MapMode.READ_ONLY, position, length).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw AudioErrors.readFailed(file.path(), e);
        }
    }
}

package org.earmark.ui.coding.timeline;

import java.util.Arrays;
import org.earmark.audio.Peaks;

/** Collects the lowest and highest sample of every bin while audio is decoded, frame by frame. */
final class PeaksBuilder {

    static final int BIN_MILLIS = 10;

    private final float sampleRate;
    private short[] min = new short[1024];
    private short[] max = new short[1024];
    private long frames;
    private int bins;

    PeaksBuilder(float sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** One sample of the next frame (call once per channel, then {@link #nextFrame()}). */
    void sample(short value) {
        int bin = (int) (frames * 1000 / (long) (sampleRate * BIN_MILLIS));
        if (bin >= min.length) {
            min = Arrays.copyOf(min, min.length * 2);
            max = Arrays.copyOf(max, max.length * 2);
        }
        if (bin >= bins) {
            for (int b = bins; b <= bin; b++) {
                min[b] = Short.MAX_VALUE;
                max[b] = Short.MIN_VALUE;
            }
            bins = bin + 1;
        }
        if (value < min[bin]) {
            min[bin] = value;
        }
        if (value > max[bin]) {
            max[bin] = value;
        }
    }

    void nextFrame() {
        frames++;
    }

    long frames() {
        return frames;
    }

    Peaks build() {
        long durationMs = Math.round(frames * 1000.0 / sampleRate);
        return new Peaks(BIN_MILLIS, durationMs, Arrays.copyOf(min, bins), Arrays.copyOf(max, bins));
    }
}

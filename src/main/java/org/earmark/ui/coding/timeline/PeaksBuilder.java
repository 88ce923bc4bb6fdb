package org.earmark.ui.coding.timeline;

import java.util.Arrays;
import org.earmark.audio.Peaks;

/**
 * Collects the lowest and highest sample of every bin while audio is decoded, frame by frame. Bin
 * edges are worked out once per bin (not per sample), since a 90-minute recording has ~90 million
 * samples.
 */
final class PeaksBuilder {

    static final int BIN_MILLIS = 10;

    private final double framesPerBin;
    private short[] min = new short[1024];
    private short[] max = new short[1024];
    private long frames;
    private int bin;
    private long binEnd;
    private short lo = Short.MAX_VALUE;
    private short hi = Short.MIN_VALUE;
    private final float sampleRate;

    PeaksBuilder(float sampleRate) {
        this.sampleRate = sampleRate;
        this.framesPerBin = sampleRate * BIN_MILLIS / 1000.0;
        this.binEnd = (long) Math.ceil(framesPerBin);
    }

    /** One sample of the current frame (call once per channel, then {@link #nextFrame()}). */
    void sample(short value) {
        if (value < lo) {
            lo = value;
        }
        if (value > hi) {
            hi = value;
        }
    }

    void nextFrame() {
        frames++;
        if (frames >= binEnd) {
            closeBin();
        }
    }

    private void closeBin() {
        if (bin >= min.length) {
            min = Arrays.copyOf(min, min.length * 2);
            max = Arrays.copyOf(max, max.length * 2);
        }
        min[bin] = lo <= hi ? lo : 0;
        max[bin] = lo <= hi ? hi : 0;
        bin++;
        binEnd = (long) Math.ceil((bin + 1) * framesPerBin);
        lo = Short.MAX_VALUE;
        hi = Short.MIN_VALUE;
    }

    long frames() {
        return frames;
    }

    Peaks build() {
        if (lo <= hi) {
            closeBin(); // the last, partly filled bin
        }
        long durationMs = Math.round(frames * 1000.0 / sampleRate);
        return new Peaks(BIN_MILLIS, durationMs, Arrays.copyOf(min, bin), Arrays.copyOf(max, bin));
    }
}

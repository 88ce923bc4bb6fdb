package org.earmark.audio;

import java.util.Arrays;

/**
 * Folds samples into the lowest and highest value per bin of {@code binMillis}, so audio of any length streams
 * through in constant memory. Channels are mixed by taking their envelope: a bin's min is the lowest sample of any
 * channel and its max the highest (averaging would let a loud channel vanish against a silent one).
 *
 * <p>Sample {@code s} lies in bin {@code floor(s * 1000 / (rate * binMillis))}; the integer arithmetic keeps bins
 * exact for rates like 22050 Hz where a bin is not a whole number of samples. Samples before 0 or from
 * {@code totalSamples} on are ignored (encoder delay and padding). One instance per thread.
 */
final class PeakBins {

    private final long rate;
    private final long binMillis;
    private final long totalSamples;
    private final int firstBin;
    private short[] min;
    private short[] max;
    private int used;
    // The bin being filled, kept in floats so a run of samples costs two compares each.
    private int bin = -1;
    private long binBegin = Long.MAX_VALUE;
    private long binEnd = Long.MIN_VALUE;
    private float runMin;
    private float runMax;

    /**
     * @param totalSamples samples per channel to keep, or -1 when unknown (the arrays then grow)
     * @param fromSample   the first sample this instance will see, so parallel parts only allocate their own bins
     */
    PeakBins(int sampleRate, int binMillis, long totalSamples, long fromSample) {
        this.rate = sampleRate;
        this.binMillis = binMillis;
        this.totalSamples = totalSamples;
        this.firstBin = binOf(Math.max(0, fromSample));
        int expected = totalSamples < 0 ? 1024 : Math.max(0, binCount(totalSamples) - firstBin);
        this.min = new short[expected];
        this.max = new short[expected];
    }

    int binOf(long sample) {
        return (int) (sample * 1000 / (rate * binMillis));
    }

    /** The first sample of bin {@code b}: the least s with s * 1000 >= b * rate * binMillis. */
    long binStart(long b) {
        return (b * rate * binMillis + 999) / 1000;
    }

    int binCount(long samples) {
        return samples <= 0 ? 0 : binOf(samples - 1) + 1;
    }

    /** Adds {@code count} values of one channel starting at sample index {@code sample}. */
    void add(long sample, float[] values, int count) {
        add(sample, values, count, 1);
    }

    /**
     * Adds {@code frames} interleaved frames of {@code channels} values each, the first being sample {@code sample}:
     * all channels of a frame go into its bin, so the bin gets their envelope in one pass. Each stretch inside one bin
     * is a plain min/max loop over the array with the running values in locals.
     */
    void add(long sample, float[] values, int frames, int channels) {
        int i = sample < 0 ? (int) Math.min(frames, -sample) : 0;
        int n = totalSamples < 0 ? frames : (int) Math.max(0, Math.min(frames, totalSamples - sample));
        long s = sample + i;
        while (i < n) {
            if (s >= binEnd || s < binBegin) {
                switchTo(binOf(s)); // also when a second channel goes back over the same stretch
            }
            int stop = (int) Math.min(n, i + (binEnd - s));
            float lo = runMin;
            float hi = runMax;
            for (int k = i * channels, end = stop * channels; k < end; k++) {
                float v = values[k];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            runMin = lo;
            runMax = hi;
            s += stop - i;
            i = stop;
        }
    }

    /** Adds interleaved 16-bit frames: {@code frames} frames of {@code channels} samples from {@code offset}. */
    void addInterleaved(long sample, short[] values, int offset, int frames, int channels, float[] scratch) {
        for (int c = 0; c < channels; c++) {
            int n = 0;
            for (int k = offset + c, end = offset + frames * channels; k < end; k += channels) {
                scratch[n++] = values[k];
            }
            add(sample, scratch, frames);
        }
    }

    private void switchTo(int next) {
        flush();
        bin = next;
        binBegin = binStart(next);
        binEnd = binStart(next + 1);
        int index = next - firstBin;
        if (index >= 0 && index < used) {
            runMin = min[index];
            runMax = max[index];
        } else {
            runMin = Float.POSITIVE_INFINITY;
            runMax = Float.NEGATIVE_INFINITY;
        }
    }

    private void flush() {
        if (bin < 0 || runMin > runMax) {
            return;
        }
        int index = bin - firstBin;
        if (index < 0) {
            return; // before this part's first sample: a warm-up frame's tail, decoded only to fill the decoder
        }
        if (index >= min.length) {
            int size = Math.max(index + 1, min.length * 2);
            min = Arrays.copyOf(min, size);
            max = Arrays.copyOf(max, size);
        }
        for (int k = used; k < index; k++) {
            min[k] = Short.MAX_VALUE; // not yet seen; merge() and peaks() treat an inverted pair as empty
            max[k] = Short.MIN_VALUE;
        }
        used = Math.max(used, index + 1);
        min[index] = clamp(runMin);
        max[index] = clamp(runMax);
    }

    private static short clamp(float v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }

    /** Folds another part's bins into this one; parts may share a bin at their border. */
    void merge(PeakBins other) {
        flush();
        other.flush();
        for (int k = 0; k < other.used; k++) {
            int index = other.firstBin + k - firstBin;
            if (index < 0 || other.min[k] > other.max[k]) {
                continue;
            }
            if (index >= min.length) {
                int size = Math.max(index + 1, min.length * 2);
                min = Arrays.copyOf(min, size);
                max = Arrays.copyOf(max, size);
            }
            for (int j = used; j <= index; j++) {
                min[j] = Short.MAX_VALUE;
                max[j] = Short.MIN_VALUE;
            }
            used = Math.max(used, index + 1);
            min[index] = (short) Math.min(min[index], other.min[k]);
            max[index] = (short) Math.max(max[index], other.max[k]);
        }
        forget();
    }

    /** Closes the bin being filled, so the next add() reloads whichever bin it needs from the arrays. */
    private void forget() {
        bin = -1;
        binBegin = Long.MAX_VALUE;
        binEnd = Long.MIN_VALUE;
    }

    /** The finished peaks for {@code samples} samples; bins that saw no sample read as silence. */
    Peaks peaks(long samples) {
        flush();
        forget();
        int bins = binCount(samples) - firstBin;
        short[] lo = Arrays.copyOf(min, Math.max(0, bins));
        short[] hi = Arrays.copyOf(max, Math.max(0, bins));
        for (int k = 0; k < lo.length; k++) {
            if (k >= used || lo[k] > hi[k]) {
                lo[k] = 0;
                hi[k] = 0;
            }
        }
        return new Peaks((int) binMillis, samples * 1000 / rate, lo, hi);
    }
}

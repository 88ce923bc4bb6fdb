package org.earmark.audio;

import static org.earmark.core.Preconditions.checkArgument;

/**
 * The waveform of a recording reduced to the lowest and highest sample in each bin of
 * {@code binMillis} ms (mono, 16-bit scale), enough to draw an overview and a zoomed view.
 * A 90-minute recording at 10 ms bins is about 2 MB. The arrays are not copied: treat them as
 * read-only.
 *
 * @param durationMs the length of the decoded audio, which player time is measured against
 */
public record Peaks(int binMillis, long durationMs, short[] min, short[] max) {

    public Peaks {
        checkArgument(binMillis > 0, "binMillis must be positive, was %d", binMillis);
        checkArgument(durationMs >= 0, "durationMs must be >= 0, was %d", durationMs);
        checkArgument(min.length == max.length, "min and max must be the same length, were %d and %d", min.length,
                max.length);
    }

    public int bins() {
        return min.length;
    }
}

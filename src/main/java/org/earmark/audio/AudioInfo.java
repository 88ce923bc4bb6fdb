package org.earmark.audio;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotNull;

/**
 * What the container headers say about a recording.
 *
 * @param durationMs the playable length; for MP3 the encoder delay and padding are already taken off, so it
 *                   matches {@link Peaks#durationMs()} of the same file
 */
public record AudioInfo(AudioFormat format, long durationMs, int sampleRate, int channels) {

    public AudioInfo {
        checkNotNull(format, "format");
        checkArgument(durationMs >= 0, "durationMs must be >= 0, was %d", durationMs);
        checkArgument(sampleRate > 0, "sampleRate must be positive, was %d", sampleRate);
        checkArgument(channels > 0, "channels must be positive, was %d", channels);
    }
}

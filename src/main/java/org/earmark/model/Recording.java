package org.earmark.model;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;

/**
 * A recording as a coder sees it: only its anonymised id, never its original name.
 *
 * @param position   place in this coder's (shuffled) order, from 0
 * @param sha256     hex digest of the anonymised audio, or {@code null} when not yet known
 * @param durationMs length in ms, or {@code null} when not yet known
 * @param audioFile  file name of the audio relative to the coder file's folder, or {@code null}
 */
public record Recording(String id, int position, String sha256, Long durationMs, String audioFile) {

    public Recording {
        checkNotBlank(id, "recording id");
        checkArgument(position >= 0, "recording position must be >= 0, was %d", position);
        checkArgument(durationMs == null || durationMs >= 0, "recording %s: duration must be >= 0 ms, was %s", id,
                durationMs);
    }
}

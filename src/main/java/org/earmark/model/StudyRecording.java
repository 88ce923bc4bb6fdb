package org.earmark.model;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;

/**
 * A recording as the study holds it: its anonymised id and the anonymised audio copy. The
 * original file name is part of the allocation key and is not here.
 *
 * @param audioFile path of the anonymised copy relative to the study folder, e.g. {@code audio/R-7Q3K.mp3}
 */
public record StudyRecording(String id, String audioFile, String format, String sha256, long durationMs) {
    public StudyRecording {
        checkNotBlank(id, "recording id");
        checkNotBlank(audioFile, "audio file of " + id);
        checkNotBlank(sha256, "sha256 of " + id);
        checkArgument(durationMs >= 0, "duration of %s must be >= 0 ms, was %d", id, durationMs);
    }
}

package org.earmark.model;

import java.time.Instant;

/** A coder's status for a recording, with when it was last set. */
public record StatusValue(String recordingId, RecordingStatus status, Instant updatedAt) {
}

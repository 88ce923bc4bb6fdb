package org.earmark.model;

/** A recording with what the coder has done on it so far. */
public record RecordingProgress(Recording recording, RecordingStatus status, int eventCount) {
}

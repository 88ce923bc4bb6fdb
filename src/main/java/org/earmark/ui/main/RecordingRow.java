package org.earmark.ui.main;

import org.earmark.model.RecordingStatus;

/** One line of the recordings list: only what blinding allows a coder to see. */
public record RecordingRow(String id, String duration, RecordingStatus status, int events) {
}

package org.earmark.model;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;

/** What a coder asks to tag: the store gives it an id and timestamps. */
public record NewEvent(String recordingId, String code, long startMs, Long endMs, String note) {

    public NewEvent {
        checkNotBlank(recordingId, "recording id");
        checkNotBlank(code, "code");
        checkArgument(startMs >= 0, "event start must be at or after 0 ms, was %d", startMs);
        checkArgument(endMs == null || endMs >= startMs, "event end (%s ms) must not be before its start (%d ms)",
                endMs, startMs);
        note = note == null ? "" : note;
    }

    public static NewEvent point(String recordingId, String code, long atMs) {
        return new NewEvent(recordingId, code, atMs, null, "");
    }
}

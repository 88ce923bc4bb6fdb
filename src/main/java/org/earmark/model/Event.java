package org.earmark.model;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;
import static org.earmark.core.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * One coded event on a recording's timeline, as stored. Deleted events stay as tombstones so a
 * deletion survives a merge.
 *
 * @param endMs end of a span event, or {@code null} for a point event
 */
public record Event(UUID id, String recordingId, String code, long startMs, Long endMs, String note,
        Instant createdAt, Instant updatedAt, boolean deleted) {

    public Event {
        checkNotNull(id, "event id");
        checkNotBlank(recordingId, "recording id");
        checkNotBlank(code, "code");
        checkArgument(startMs >= 0, "event start must be at or after 0 ms, was %d", startMs);
        checkArgument(endMs == null || endMs >= startMs, "event end (%s ms) must not be before its start (%d ms)",
                endMs, startMs);
        note = note == null ? "" : note;
        checkNotNull(createdAt, "createdAt");
        checkNotNull(updatedAt, "updatedAt");
    }

    public boolean isSpan() {
        return endMs != null;
    }

    public Event withTiming(long newStartMs, Long newEndMs, Instant at) {
        return new Event(id, recordingId, code, newStartMs, newEndMs, note, createdAt, at, deleted);
    }

    public Event withCode(String newCode, Instant at) {
        return new Event(id, recordingId, newCode, startMs, endMs, note, createdAt, at, deleted);
    }

    public Event withNote(String newNote, Instant at) {
        return new Event(id, recordingId, code, startMs, endMs, newNote, createdAt, at, deleted);
    }

    public Event withDeleted(boolean nowDeleted, Instant at) {
        return new Event(id, recordingId, code, startMs, endMs, note, createdAt, at, nowDeleted);
    }
}

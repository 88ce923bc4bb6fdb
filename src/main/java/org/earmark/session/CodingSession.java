package org.earmark.session;

import static org.earmark.core.Preconditions.checkArgument;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.codebook.RatingScale;
import org.earmark.core.EarmarkException;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.model.RecordingStatus;

/**
 * Coding one recording: tagging at the playhead minus the reaction offset, span start and stop,
 * moving, re-coding, notes, deleting, ratings, and undo/redo of all of them. The session keeps
 * what the coder sees in memory, changes it at once, and hands every change to the
 * {@link SaveQueue}, which commits them in order. Confined to one thread (the UI thread).
 */
public final class CodingSession {

    /** Hears what changed, on the session's thread. */
    public interface Listener {
        /** An event appeared ({@code before == null}), changed, or went ({@code after == null}). */
        default void eventChanged(Event before, Event after) {
        }

        default void ratingChanged(String scaleId, Integer value) {
        }

        default void statusChanged(RecordingStatus status) {
        }

        /** What undo and redo would do next may have changed; so may the open spans. */
        default void historyChanged() {
        }
    }

    public static final long DEFAULT_REACTION_OFFSET_MS = 500;
    private static final Comparator<Event> BY_TIME = Comparator.comparingLong(Event::startMs)
            .thenComparing(Event::createdAt).thenComparing(Event::id);

    private final SaveQueue queue;
    private final Codebook codebook;
    private final Recording recording;
    private final Clock clock;
    private final Map<UUID, Event> all = new LinkedHashMap<>();
    private final Set<UUID> inFile = new HashSet<>();
    private final Map<String, UUID> openSpans = new HashMap<>();
    private final Map<String, Integer> ratings;
    private final UndoHistory history;
    private RecordingStatus status;
    private long reactionOffsetMs = DEFAULT_REACTION_OFFSET_MS;
    private Listener listener = new Listener() { };

    public CodingSession(SaveQueue queue, Codebook codebook, Recording recording, List<Event> events,
            Map<String, Integer> ratings, RecordingStatus status, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.codebook = Objects.requireNonNull(codebook, "codebook");
        this.recording = Objects.requireNonNull(recording, "recording");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Event e : events) {
            checkArgument(e.recordingId().equals(recording.id()), "event %s belongs to %s, not %s", e.id(),
                    e.recordingId(), recording.id());
            all.put(e.id(), e);
            inFile.add(e.id());
        }
        this.ratings = new HashMap<>(ratings);
        this.status = Objects.requireNonNull(status, "status");
        this.history = new UndoHistory(clock);
    }

    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public Recording recording() {
        return recording;
    }

    public Codebook codebook() {
        return codebook;
    }

    public long reactionOffsetMs() {
        return reactionOffsetMs;
    }

    /** How far before the playhead a key press tags (coders press a moment after they hear it). */
    public void setReactionOffsetMs(long ms) {
        checkArgument(ms >= 0 && ms <= 10_000, "reaction offset must be 0-10000 ms, was %d", ms);
        this.reactionOffsetMs = ms;
    }

    /** The recording's events in time order, without deleted ones. */
    public List<Event> events() {
        return all.values().stream().filter(e -> !e.deleted()).sorted(BY_TIME).toList();
    }

    public Optional<Event> event(UUID id) {
        return Optional.ofNullable(all.get(id)).filter(e -> !e.deleted());
    }

    /** Spans started and not yet stopped, by code. */
    public Map<String, UUID> openSpans() {
        return Map.copyOf(openSpans);
    }

    /**
     * Ends every open span at {@code playheadMs}, as if its key were pressed again, in code order; returns the codes.
     * A span left open when the coder leaves the recording would otherwise stay 0 s long.
     */
    public List<String> endOpenSpans(long playheadMs) {
        List<String> codes = new java.util.ArrayList<>(new java.util.TreeSet<>(openSpans.keySet()));
        for (String code : codes) {
            press(code, playheadMs);
        }
        return codes;
    }

    public boolean isOpen(UUID eventId) {
        return openSpans.containsValue(eventId);
    }

    public Map<String, Integer> ratings() {
        return Map.copyOf(ratings);
    }

    public RecordingStatus status() {
        return status;
    }

    /**
     * A code's key was pressed with the playhead at {@code playheadMs}: tags a point code at the
     * playhead minus the reaction offset; starts a span code, or stops the one that is open.
     */
    public Event press(String codeId, long playheadMs) {
        EventCode code = code(codeId);
        long at = clamp(playheadMs - reactionOffsetMs);
        if (code.kind() == CodeKind.POINT) {
            Event tagged = newEvent(code.id(), at, null);
            apply(new Edit.OnEvent(new Step("tag", code.id(), at), Edit.Kind.ADD, null, tagged, Edit.Span.NONE));
            return tagged;
        }
        UUID open = openSpans.get(code.id());
        if (open == null) {
            Event started = newEvent(code.id(), at, at);
            apply(new Edit.OnEvent(new Step("span-start", code.id(), at), Edit.Kind.ADD, null, started,
                    Edit.Span.START));
            return started;
        }
        Event before = all.get(open);
        long start = Math.min(before.startMs(), at);
        long end = Math.max(before.startMs(), at);
        Event stopped = before.withTiming(start, end, clock.instant());
        apply(new Edit.OnEvent(new Step("span-stop", code.id(), at), Edit.Kind.MOVE, before, stopped,
                Edit.Span.STOP));
        return stopped;
    }

    /** Moves an event by {@code deltaMs}, a span with both ends; it stops at the recording's ends. */
    public Event moveBy(UUID id, long deltaMs) {
        Event e = existing(id);
        return moveTo(id, e.startMs() + deltaMs);
    }

    /** Moves an event to start at {@code startMs}; a span keeps its length. */
    public Event moveTo(UUID id, long startMs) {
        Event before = existing(id);
        long length = before.isSpan() ? before.endMs() - before.startMs() : 0;
        long start = Math.max(0, startMs);
        if (recording.durationMs() != null) {
            start = Math.min(start, recording.durationMs() - length);
        }
        Long end = before.isSpan() ? start + length : null;
        if (start == before.startMs()) {
            return before;
        }
        Event after = before.withTiming(start, end, clock.instant());
        apply(new Edit.OnEvent(new Step("move", before.code(), start), Edit.Kind.MOVE, before, after,
                Edit.Span.NONE));
        return after;
    }

    /** Sets where a span ends; an end before its start makes that the start. */
    public Event setEnd(UUID id, long endMs) {
        Event before = existing(id);
        if (!before.isSpan()) {
            throw EarmarkException.badInput(before.code() + " is a point code: it has no end time");
        }
        long at = clamp(endMs);
        Event after = before.withTiming(Math.min(before.startMs(), at), Math.max(before.startMs(), at),
                clock.instant());
        if (after.endMs().equals(before.endMs()) && after.startMs() == before.startMs()) {
            return before;
        }
        apply(new Edit.OnEvent(new Step("move", before.code(), at), Edit.Kind.MOVE, before, after, Edit.Span.NONE));
        return after;
    }

    /** Gives an event another code of the same kind (a point stays a point, a span a span). */
    public Event recode(UUID id, String codeId) {
        Event before = existing(id);
        EventCode code = code(codeId);
        CodeKind was = before.isSpan() ? CodeKind.SPAN : CodeKind.POINT;
        if (code.kind() != was) {
            throw EarmarkException.badInput(before.code() + " is a " + was.jsonName() + " code and " + code.id()
                    + " a " + code.kind().jsonName() + " code: delete the event and tag it again instead");
        }
        if (code.id().equals(before.code())) {
            return before;
        }
        Event after = before.withCode(code.id(), clock.instant());
        apply(new Edit.OnEvent(new Step("recode", code.id(), before.startMs()), Edit.Kind.RECODE, before, after,
                Edit.Span.NONE));
        return after;
    }

    public Event note(UUID id, String note) {
        Event before = existing(id);
        String text = note == null ? "" : note.strip();
        if (text.equals(before.note())) {
            return before;
        }
        Event after = before.withNote(text, clock.instant());
        apply(new Edit.OnEvent(new Step("note", before.code(), before.startMs()), Edit.Kind.NOTE, before, after,
                Edit.Span.NONE));
        return after;
    }

    public Event delete(UUID id) {
        Event before = existing(id);
        Event after = before.withDeleted(true, clock.instant());
        apply(new Edit.OnEvent(new Step("delete", before.code(), before.startMs()), Edit.Kind.DELETE, before, after,
                Edit.Span.NONE));
        return after;
    }

    /** Sets a global rating, or clears it with {@code null}. */
    public void rate(String scaleId, Integer value) {
        RatingScale scale = codebook.rating(scaleId).orElseThrow(() -> EarmarkException.badInput(
                "The codebook has no rating \"" + scaleId + "\""));
        if (value != null && !scale.accepts(value)) {
            throw EarmarkException.badInput("Rating " + scaleId + " must be between " + scale.min() + " and "
                    + scale.max() + ", was " + value);
        }
        Integer before = ratings.get(scaleId);
        if (Objects.equals(before, value)) {
            return;
        }
        apply(new Edit.OnRating(new Step("rate", scale.id(), value == null ? -1 : value), scaleId, before, value));
    }

    /** Marks the recording done, or back in progress. Not an undo step: the coder flips it back. */
    public void markDone(boolean done) {
        RecordingStatus next = done ? RecordingStatus.DONE : RecordingStatus.IN_PROGRESS;
        if (next == status) {
            return;
        }
        status = next;
        String id = recording.id();
        queue.write("mark " + id + " " + next.storedName(), f -> f.setStatus(id, next));
        listener.statusChanged(status);
    }

    public boolean canUndo() {
        return history.nextUndo().isPresent();
    }

    public boolean canRedo() {
        return history.nextRedo().isPresent();
    }

    public Optional<Step> nextUndo() {
        return history.nextUndo();
    }

    public Optional<Step> nextRedo() {
        return history.nextRedo();
    }

    /** Undoes the last step; returns what it was. */
    public Optional<Step> undo() {
        Optional<Edit> edit = history.undo();
        edit.ifPresent(e -> perform(e, false));
        listener.historyChanged();
        return edit.map(Edit::description);
    }

    /** Redoes the last undone step; returns what it was. */
    public Optional<Step> redo() {
        Optional<Edit> edit = history.redo();
        edit.ifPresent(e -> perform(e, true));
        listener.historyChanged();
        return edit.map(Edit::description);
    }

    private void apply(Edit edit) {
        perform(edit, true);
        history.push(edit);
        listener.historyChanged();
    }

    /** Brings memory and (through the queue) the file to the state before or after a step. */
    private void perform(Edit edit, boolean forward) {
        if (edit instanceof Edit.OnRating r) {
            setRating(r.scaleId(), forward ? r.after() : r.before());
            return;
        }
        Edit.OnEvent e = (Edit.OnEvent) edit;
        Instant now = clock.instant();
        Event target = forward ? e.after() : e.before() != null ? e.before() : e.after().withDeleted(true, now);
        store(target);
        boolean open = switch (e.span()) {
            case START -> forward;
            case STOP -> !forward;
            case NONE -> isOpen(target.id());
        };
        openSpans.values().remove(target.id());
        if (open && !target.deleted()) {
            openSpans.put(target.code(), target.id());
        }
    }

    private void store(Event target) {
        Event previous = all.put(target.id(), target);
        listener.eventChanged(previous == null || previous.deleted() ? null : previous,
                target.deleted() ? null : target);
        String what = target.code() + " at " + TimeFormat.moment(target.startMs()) + " in " + recording.id();
        if (inFile.add(target.id())) {
            NewEvent request = new NewEvent(target.recordingId(), target.code(), target.startMs(), target.endMs(),
                    target.note());
            queue.write("tag " + what, f -> f.add(target.id(), request));
        } else {
            queue.write((target.deleted() ? "delete " : "change ") + what, f -> f.update(target));
        }
        if (status == RecordingStatus.NOT_STARTED && !target.deleted()) {
            status = RecordingStatus.IN_PROGRESS;
            listener.statusChanged(status);
        }
    }

    private void setRating(String scaleId, Integer value) {
        if (value == null) {
            ratings.remove(scaleId);
        } else {
            ratings.put(scaleId, value);
        }
        String id = recording.id();
        queue.write("rate " + scaleId + " of " + id, f -> f.setRating(id, scaleId, value));
        listener.ratingChanged(scaleId, value);
        if (status == RecordingStatus.NOT_STARTED && value != null) {
            status = RecordingStatus.IN_PROGRESS;
            listener.statusChanged(status);
        }
    }

    private Event newEvent(String code, long start, Long end) {
        Instant now = clock.instant();
        return new Event(UUID.randomUUID(), recording.id(), code, start, end, "", now, now, false);
    }

    private Event existing(UUID id) {
        return event(id).orElseThrow(() -> EarmarkException.badInput("No event " + id + " in " + recording.id()));
    }

    private EventCode code(String codeId) {
        return codebook.code(codeId).orElseThrow(() -> EarmarkException.badInput(
                "Unknown code \"" + codeId + "\" in codebook " + codebook.id()));
    }

    private long clamp(long ms) {
        long at = Math.max(0, ms);
        return recording.durationMs() == null ? at : Math.min(at, recording.durationMs());
    }
}

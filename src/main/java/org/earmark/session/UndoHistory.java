package org.earmark.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The undo and redo stacks. A new step clears what could be redone. Nudges of the same event a
 * moment apart (holding the "." key) merge into one step, so one undo takes the event back to
 * where the nudging began.
 */
final class UndoHistory {

    static final Duration MERGE_WINDOW = Duration.ofMillis(1500);
    private static final int LIMIT = 10_000;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final Clock clock;
    private Instant lastPush = Instant.MIN;

    UndoHistory(Clock clock) {
        this.clock = clock;
    }

    void push(Edit edit) {
        Instant now = clock.instant();
        redo.clear();
        Edit top = undo.peek();
        if (mergeable(top, edit) && Duration.between(lastPush, now).compareTo(MERGE_WINDOW) <= 0) {
            Edit.OnEvent first = (Edit.OnEvent) undo.pop();
            Edit.OnEvent next = (Edit.OnEvent) edit;
            edit = new Edit.OnEvent(next.description(), next.kind(), first.before(), next.after(), Edit.Span.NONE);
        }
        undo.push(edit);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        lastPush = now;
    }

    private static boolean mergeable(Edit top, Edit next) {
        return top instanceof Edit.OnEvent a && next instanceof Edit.OnEvent b && a.kind() == Edit.Kind.MOVE
                && b.kind() == Edit.Kind.MOVE && a.span() == Edit.Span.NONE && b.span() == Edit.Span.NONE
                && a.after().id().equals(b.after().id());
    }

    /** Takes the step to undo, and keeps it for redo. */
    Optional<Edit> undo() {
        Edit edit = undo.poll();
        if (edit != null) {
            redo.push(edit);
            lastPush = Instant.MIN;
        }
        return Optional.ofNullable(edit);
    }

    /** Takes the step to redo, and keeps it for undo. */
    Optional<Edit> redo() {
        Edit edit = redo.poll();
        if (edit != null) {
            undo.push(edit);
            lastPush = Instant.MIN;
        }
        return Optional.ofNullable(edit);
    }

    Optional<Step> nextUndo() {
        return Optional.ofNullable(undo.peek()).map(Edit::description);
    }

    Optional<Step> nextRedo() {
        return Optional.ofNullable(redo.peek()).map(Edit::description);
    }
}

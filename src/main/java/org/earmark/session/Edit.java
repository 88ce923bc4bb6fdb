package org.earmark.session;

import org.earmark.model.Event;

/** One undoable step of a coding session. */
sealed interface Edit permits Edit.OnEvent, Edit.OnRating {

    /** What the step did, for the Undo and Redo menu items. */
    Step description();

    /** What a span key did, so undo and redo can reopen or close the span. */
    enum Span { NONE, START, STOP }

    /**
     * A change to one event.
     *
     * @param before the event before the step, or {@code null} when the step created it
     * @param after  the event after the step
     */
    record OnEvent(Step description, Kind kind, Event before, Event after, Span span) implements Edit {
    }

    /** A change to one global rating; {@code null} means no rating. */
    record OnRating(Step description, String scaleId, Integer before, Integer after) implements Edit {
    }

    /** What kind of event change; consecutive nudges of one event merge into one step. */
    enum Kind { ADD, MOVE, RECODE, NOTE, DELETE }
}

package org.earmark.ui.coding;

/** What a key of the coding view does; {@link Shortcuts} says which key. */
public enum Action {
    PLAY_PAUSE, BACK_5, FORWARD_5, BACK_1, FORWARD_1, SLOWER, FASTER, ZOOM_IN, ZOOM_OUT, TO_START, TO_END,
    PREVIOUS_EVENT, NEXT_EVENT, NUDGE_EARLIER, NUDGE_LATER, DELETE_EVENT, EDIT_NOTE, DESELECT, MOVE_FOCUS, HELP,
    UNDO, REDO, FOCUS_SEARCH;

    /** The resource-bundle key of its description in the shortcuts overlay. */
    public String textKey() {
        return "action." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}

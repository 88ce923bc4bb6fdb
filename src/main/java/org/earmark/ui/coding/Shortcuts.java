package org.earmark.ui.coding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.earmark.codebook.Hotkey;

/**
 * The coding view's keyboard map, in one table that the key handler, the shortcuts overlay and a
 * test all read. Plain keys here are exactly {@link Hotkey#RESERVED}, so no code's hotkey can
 * clash with them; codes' own keys are digits, letters and F2–F12 (with Shift they re-code the
 * selected event). Ctrl (Cmd on a Mac) combinations are for undo, redo and search.
 */
public final class Shortcuts {

    /**
     * One key for one action.
     *
     * @param key      the key's name as in {@link Hotkey#RESERVED} (or a letter with {@code shortcut})
     * @param shift    whether Shift is held
     * @param shortcut whether Ctrl (Cmd on a Mac) is held
     */
    public record Binding(Action action, String key, boolean shift, boolean shortcut) {
    }

    public static final List<Binding> TABLE = List.of(
            key(Action.PLAY_PAUSE, "SPACE"),
            key(Action.BACK_5, "LEFT"),
            key(Action.FORWARD_5, "RIGHT"),
            new Binding(Action.BACK_1, "LEFT", true, false),
            new Binding(Action.FORWARD_1, "RIGHT", true, false),
            key(Action.SLOWER, "["),
            key(Action.FASTER, "]"),
            key(Action.ZOOM_IN, "+"),
            key(Action.ZOOM_IN, "="),
            key(Action.ZOOM_OUT, "-"),
            key(Action.TO_START, "HOME"),
            key(Action.TO_END, "END"),
            key(Action.PREVIOUS_EVENT, "UP"),
            key(Action.NEXT_EVENT, "DOWN"),
            key(Action.NUDGE_EARLIER, ","),
            key(Action.NUDGE_LATER, "."),
            key(Action.DELETE_EVENT, "DELETE"),
            key(Action.DELETE_EVENT, "BACKSPACE"),
            key(Action.EDIT_NOTE, "ENTER"),
            key(Action.DESELECT, "ESCAPE"),
            key(Action.MOVE_FOCUS, "TAB"),
            key(Action.HELP, "F1"),
            key(Action.HELP, "?"),
            new Binding(Action.UNDO, "Z", false, true),
            new Binding(Action.REDO, "Z", true, true),
            new Binding(Action.REDO, "Y", false, true),
            new Binding(Action.FOCUS_SEARCH, "F", false, true));

    private Shortcuts() {
    }

    private static Binding key(Action action, String key) {
        return new Binding(action, key, false, false);
    }

    /** The plain keys the table uses, which must be the keys codes may not have. */
    public static Set<String> plainKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Binding b : TABLE) {
            if (!b.shortcut()) {
                keys.add(b.key());
            }
        }
        return keys;
    }

    /** The action of a key press, if it has one; Tab is left to JavaFX's focus traversal. */
    public static Optional<Action> actionFor(KeyEvent pressed) {
        if (pressed.isAltDown() || pressed.isMetaDown() && !pressed.isShortcutDown()) {
            return Optional.empty();
        }
        return actionFor(pressed.getCode(), pressed.isShiftDown(), pressed.isShortcutDown());
    }

    /** The action of a key with these modifiers (Alt and Meta excluded), if it has one. */
    public static Optional<Action> actionFor(KeyCode code, boolean shift, boolean shortcut) {
        String name = keyName(code, shift);
        if (name == null) {
            return Optional.empty();
        }
        boolean shiftMatters = !Set.of("+", "=", "-").contains(name);
        for (Binding b : TABLE) {
            if (b.key().equals(name) && b.shortcut() == shortcut && (!shiftMatters || b.shift() == shift)
                    && b.action() != Action.MOVE_FOCUS) {
                return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    /** A typed character with an action of its own ("?" is Shift+/ on some keyboards, not on others). */
    public static Optional<Action> actionForTyped(KeyEvent typed) {
        return "?".equals(typed.getCharacter()) ? Optional.of(Action.HELP) : Optional.empty();
    }

    /** The code hotkey a key press names (a digit, a letter or F2–F12), without Ctrl, Alt or Meta. */
    public static Optional<Hotkey> hotkeyFor(KeyEvent pressed) {
        if (pressed.isShortcutDown() || pressed.isAltDown() || pressed.isMetaDown() || pressed.isControlDown()) {
            return Optional.empty();
        }
        return hotkeyFor(pressed.getCode());
    }

    /** The code hotkey a key names: a digit (main row or keypad), a letter or F2–F12. */
    public static Optional<Hotkey> hotkeyFor(KeyCode code) {
        String name;
        if (code.isDigitKey()) {
            name = code.getName().replace("Numpad ", "");
        } else if (code.isLetterKey() || code.isFunctionKey()) {
            name = code.getName();
        } else {
            return Optional.empty();
        }
        return Hotkey.parse(name);
    }

    /** The key's name as in {@link Hotkey#RESERVED}, or a letter; {@code null} for other keys. */
    static String keyName(KeyCode code, boolean shift) {
        return switch (code) {
            case SPACE -> "SPACE";
            case LEFT, KP_LEFT -> "LEFT";
            case RIGHT, KP_RIGHT -> "RIGHT";
            case UP, KP_UP -> "UP";
            case DOWN, KP_DOWN -> "DOWN";
            case ENTER -> "ENTER";
            case ESCAPE -> "ESCAPE";
            case TAB -> "TAB";
            case DELETE -> "DELETE";
            case BACK_SPACE -> "BACKSPACE";
            case HOME -> "HOME";
            case END -> "END";
            case F1 -> "F1";
            case OPEN_BRACKET -> "[";
            case CLOSE_BRACKET -> "]";
            case PLUS, ADD -> "+";
            case EQUALS -> shift ? "+" : "=";
            case MINUS, SUBTRACT -> "-";
            case COMMA -> ",";
            case PERIOD -> ".";
            default -> code.isLetterKey() ? code.getName() : null;
        };
    }

    /** How a binding is written in the overlay, e.g. "Shift+←" or "Ctrl+Z". */
    public static String display(Binding b, boolean mac) {
        String key = switch (b.key()) {
            case "SPACE" -> "Space";
            case "LEFT" -> "\u2190";
            case "RIGHT" -> "\u2192";
            case "UP" -> "\u2191";
            case "DOWN" -> "\u2193";
            case "ENTER" -> "Enter";
            case "ESCAPE" -> "Esc";
            case "TAB" -> "Tab";
            case "DELETE" -> "Delete";
            case "BACKSPACE" -> "Backspace";
            case "HOME" -> "Home";
            case "END" -> "End";
            default -> b.key();
        };
        return (b.shortcut() ? (mac ? "\u2318" : "Ctrl+") : "") + (b.shift() ? "Shift+" : "") + key;
    }
}

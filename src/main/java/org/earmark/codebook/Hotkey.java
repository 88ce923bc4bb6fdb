package org.earmark.codebook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A single key that tags a code: a digit, a letter (case-insensitive) or F2–F12. Keys the coding
 * view needs for itself (transport, editing, help) are reserved and cannot be given to a code.
 */
public record Hotkey(String name) {

    private static final Pattern SINGLE = Pattern.compile("[0-9A-Z]");
    private static final Pattern FUNCTION = Pattern.compile("F([2-9]|1[0-2])");

    /** The keys the coding view keeps for itself; the UI's shortcut table must agree with this set. */
    public static final Set<String> RESERVED = Set.of(
            "SPACE", "LEFT", "RIGHT", "UP", "DOWN", "ENTER", "ESCAPE", "TAB", "DELETE", "BACKSPACE",
            "F1", "?", "[", "]", "+", "-", "=", ",", ".", "HOME", "END");

    public Hotkey {
        if (!isBindable(name)) {
            throw new IllegalArgumentException("hotkey must be a digit, a letter or F2-F12, was '" + name + "'");
        }
    }

    /** Reads a hotkey as written in a codebook; empty if it is reserved or not a key we can bind. */
    public static Optional<Hotkey> parse(String text) {
        String normal = normalise(text);
        return isBindable(normal) ? Optional.of(new Hotkey(normal)) : Optional.empty();
    }

    public static boolean isReserved(String text) {
        return RESERVED.contains(normalise(text));
    }

    static String normalise(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean isBindable(String normal) {
        return normal != null && (SINGLE.matcher(normal).matches() || FUNCTION.matcher(normal).matches());
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.earmark.core.Failures;

/** What a user may see when something is wrong: one clear line naming the file, never a stack trace. */
final class UserSees {

    private UserSees() {
    }

    /** The stderr of a failed run: {@code earmark: …} naming {@code fileName}, no trace, not a bug's exit code. */
    static void clearFailure(int exitCode, String stderr, String fileName, String context) {
        clearFailure(exitCode, stderr, java.util.List.of(fileName), context);
    }

    /** The same, where naming any one of {@code fileNames} is right (a merge may be refused for either file). */
    static void clearFailure(int exitCode, String stderr, java.util.List<String> fileNames, String context) {
        String where = context + "\nexit " + exitCode + "\n--- stderr\n" + abbreviate(stderr);
        assertNotEquals(0, exitCode, "fails: " + where);
        assertNotEquals(Failures.EXIT_INTERNAL, exitCode, "70 means a bug: " + where);
        assertTrue(stderr.startsWith("earmark: "), "one 'earmark: ' message: " + where);
        String first = stderr.lines().findFirst().orElse("");
        assertTrue(first.length() <= 2000, "the message is short enough to read: " + where);
        assertTrue(fileNames.stream().anyMatch(first::contains), "the message names " + fileNames + ": " + where);
        noTrace(stderr, where);
    }

    static void noTrace(String text, String where) {
        assertFalse(text.contains("Exception"), "no exception name: " + where);
        assertFalse(text.contains("\tat "), "no stack trace: " + where);
        assertFalse(text.contains("Caused by"), "no stack trace: " + where);
    }

    static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "… (" + s.length() + " characters)";
    }
}

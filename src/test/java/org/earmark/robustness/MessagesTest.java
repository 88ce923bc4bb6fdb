package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.junit.jupiter.api.Test;

/** What {@link Failures} makes of messages that echo huge bad values. */
class MessagesTest {

    @Test
    void shortMessagesAreLeftAlone() {
        assertEquals("x.csv line 2: bad", Failures.abbreviate("x.csv line 2: bad"));
        assertEquals("a\nb", Failures.abbreviate("a\nb"));
    }

    @Test
    void aHugeLineKeepsItsStartAndItsEnd() {
        String message = "/data/x.csv line 2: No recording " + "x".repeat(10_000_000) + " in the file";
        String cut = Failures.describe(EarmarkException.badInput(message)).message();
        assertTrue(cut.length() < Failures.MAX_LINE + 60, cut.length() + "");
        assertTrue(cut.startsWith("/data/x.csv line 2: No recording xxx"), cut);
        assertTrue(cut.endsWith("xxx in the file"), cut);
        assertTrue(cut.contains(" characters left out] "), cut);
    }

    @Test
    void aMessageOfManyLinesIsCut() {
        String message = "x.csv: 100000 lines could not be read:" + "\n  line".repeat(100_000);
        String cut = Failures.abbreviate(message);
        assertEquals(Failures.MAX_LINES, cut.lines().count());
        assertTrue(cut.endsWith("  … and " + (100_001 - Failures.MAX_LINES + 1) + " more lines"), cut);
    }
}

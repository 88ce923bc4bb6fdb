package org.earmark.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the reaction-offset field takes: seconds from 0 to 3, with a point or a comma; nothing else. */
class ReactionOffsetParseTest {

    @Test
    void secondsFromZeroToThreeWithAPointOrAComma() {
        assertEquals(0.5, ReactionOffsetDialog.parse("0.5"));
        assertEquals(0.7, ReactionOffsetDialog.parse(" 0,7 "));
        assertEquals(0.0, ReactionOffsetDialog.parse("0"));
        assertEquals(3.0, ReactionOffsetDialog.parse("3"));
    }

    /** "abc" threw inside the spinner and left the dialog open without a word; -2 became 0 unsaid. */
    @Test
    void anythingElseIsRefused() {
        for (String typed : new String[] {"abc", "", "-2", "3.1", "NaN", "Infinity", "1e9", null}) {
            assertNull(ReactionOffsetDialog.parse(typed), String.valueOf(typed));
        }
    }
}

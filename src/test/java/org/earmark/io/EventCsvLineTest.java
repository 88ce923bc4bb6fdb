package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.earmark.core.EarmarkException;
import org.earmark.model.NewEvent;
import org.junit.jupiter.api.Test;

/** A line of {@code codes add}, and what its writer is told when it is not one. */
class EventCsvLineTest {

    @Test
    void aQuotedNoteWithCommasIsOneValue() {
        assertEquals(new NewEvent("R-2MXD", "OFQ", 1_500, null, "what, then, will change?"),
                EventCsv.parseLine("R-2MXD,OFQ,1.5,,\"what, then, will change?\""));
    }

    /** A note with a line break arrives as a line with an open quote; the message was a Java class name. */
    @Test
    void anOpenQuoteSaysWhyInWordsNotClassNames() {
        String message = assertThrows(EarmarkException.class,
                () -> EventCsv.parseLine("R-2MXD,OFQ,1,,\"first line of a note")).getMessage();
        assertEquals("not valid CSV: a quoted value is not closed on this line (each event is one line, so a note"
                + " cannot hold a line break)", message);
        String other = assertThrows(EarmarkException.class, () -> EventCsv.parseLine("R-2MXD,OFQ,1,,\"a\"b")).getMessage();
        assertFalse(other.contains("org.apache"), other);
    }
}

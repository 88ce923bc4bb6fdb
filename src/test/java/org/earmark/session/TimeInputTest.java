package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.earmark.core.TimeFormat;
import org.junit.jupiter.api.Test;

class TimeInputTest {

    @Test
    void readsTimesAsCodersWriteThem() {
        assertEquals(Optional.of(722_400L), TimeInput.parse("12:02.4"));
        assertEquals(Optional.of(722_400L), TimeInput.parse(" 12:02,4 "));
        assertEquals(Optional.of(3_723_250L), TimeInput.parse("1:02:03.25"));
        assertEquals(Optional.of(95_500L), TimeInput.parse("95.5"));
        assertEquals(Optional.of(3_720_000L), TimeInput.parse("62:00"), "minutes go past 60 as in the table");
        assertEquals(Optional.empty(), TimeInput.parse("12:75"));
        assertEquals(Optional.empty(), TimeInput.parse("soon"));
        assertEquals(Optional.empty(), TimeInput.parse(""));
    }

    @Test
    void readsWhatTheTableWrites() {
        for (long ms : new long[] {0, 100, 59_900, 722_400, 3_723_200}) {
            assertEquals(Optional.of(ms), TimeInput.parse(TimeFormat.moment(ms)));
        }
    }
}

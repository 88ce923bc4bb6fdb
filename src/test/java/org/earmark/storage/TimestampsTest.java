package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void theFastParserAgreesWithTheIsoParser() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L + 2_000_000_000_000L);
            String text = Timestamps.format(at);
            assertEquals(24, text.length(), text);
            assertEquals(at, Timestamps.parse(text), text);
            assertEquals(Instant.parse(text), Timestamps.parse(text));
        }
        assertEquals(Instant.parse("2026-11-23T16:42:00Z"), Timestamps.parse("2026-11-23T16:42:00.000Z"));
        assertEquals(Instant.parse("2026-11-23T16:42:00.5Z"), Timestamps.parse("2026-11-23T16:42:00.5Z"),
                "other ISO forms still parse");
        assertThrows(RuntimeException.class, () -> Timestamps.parse("2026-02-30T10:00:00.000Z"));
    }
}

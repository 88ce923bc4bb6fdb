package org.earmark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void formatsAsInstantToStringDoes() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 1),
                Instant.parse("2026-11-23T18:55:00Z"), Instant.parse("2026-11-23T18:55:00.120Z"),
                Instant.parse("2026-11-23T18:55:00.000100Z"), Instant.parse("2026-11-23T18:55:00.000000001Z"),
                Instant.parse("2024-02-29T23:59:59.999Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX);
        for (Instant at : edges) {
            assertEquals(at.toString(), IsoInstant.standard(at));
        }
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(at.toString(), IsoInstant.standard(at));
        }
    }
}

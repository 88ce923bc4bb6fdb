package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.earmark.core.EarmarkException;
import org.junit.jupiter.api.Test;

class PeaksCodecTest {

    @Test
    void roundTripsAndIsCompact() {
        Random random = new Random(1);
        int bins = 540_000; // 90 minutes at 10 ms
        short[] min = new short[bins];
        short[] max = new short[bins];
        for (int i = 0; i < bins; i++) {
            int amplitude = (int) (8000 * Math.abs(Math.sin(i / 500.0))) + random.nextInt(200);
            min[i] = (short) -amplitude;
            max[i] = (short) amplitude;
        }
        byte[] stored = PeaksCodec.encode(new Peaks(10, 5_400_000, min, max));
        assertTrue(stored.length < bins * 4, "deflated: " + stored.length + " bytes");
        Peaks back = PeaksCodec.decode(stored);
        assertEquals(10, back.binMillis());
        assertEquals(5_400_000, back.durationMs());
        assertArrayEquals(min, back.min());
        assertArrayEquals(max, back.max());
    }

    @Test
    void damagedBlobsAreRefusedNotDrawn() {
        byte[] stored = PeaksCodec.encode(new Peaks(10, 20, new short[] {-1, -2}, new short[] {1, 2}));
        stored[stored.length - 1] ^= 0x55;
        EarmarkException e = assertThrows(EarmarkException.class, () -> PeaksCodec.decode(stored));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertThrows(EarmarkException.class, () -> PeaksCodec.decode(new byte[] {1, 2, 3}));
    }
}

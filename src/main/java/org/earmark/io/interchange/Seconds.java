package org.earmark.io.interchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Milliseconds to seconds and back, exactly (decimal, no binary floating point). */
public final class Seconds {

    private Seconds() {
    }

    /** Exact seconds of a time in ms. */
    public static BigDecimal of(long ms) {
        return BigDecimal.valueOf(ms, 3);
    }

    /** Seconds as short as they can be written without loss: 12.345, 0.5, 600, 0. */
    public static String plain(BigDecimal seconds) {
        BigDecimal stripped = seconds.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** {@link #plain(BigDecimal)} of a time in ms. */
    public static String plain(long ms) {
        return plain(of(ms));
    }

    /** A time for messages: 12.345 s. */
    public static String display(long ms) {
        return of(ms).toPlainString() + " s";
    }

    /** Seconds to whole ms, half a millisecond rounding up. */
    public static long toMillis(BigDecimal seconds) {
        return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}

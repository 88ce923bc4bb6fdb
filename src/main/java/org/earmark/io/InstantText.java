package org.earmark.io;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} without the general date-time printer, which dominates writing the
 * two time stamps of half a million events. Years 0 to 9999 are formatted here (every time stamp
 * Earmark stores); anything else goes to {@code Instant.toString()}.
 */
public final class InstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long LAST = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * SECONDS_PER_DAY - 1;

    private InstantText() {
    }

    /** Exactly what {@link Instant#toString()} gives: the fraction in groups of three digits, none if zero. */
    public static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return at.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int inDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = at.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        char[] out = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, inDay / 3600, 2);
        out[13] = ':';
        put(out, 14, inDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, inDay % 60, 2);
        if (fraction > 0) {
            out[19] = '.';
            int digits = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1000 : nanos;
            put(out, 20, digits, fraction);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

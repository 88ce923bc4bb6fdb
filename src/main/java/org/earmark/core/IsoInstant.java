package org.earmark.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC text of instants without the general date-time printer, which dominates writing the two time stamps
 * of half a million events (when storing a merge and when exporting it). Years 0 to 9999 are written here (every time
 * stamp Earmark makes); any other goes to the JDK's printer.
 */
public final class IsoInstant {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in seconds. */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400L - 1;

    private IsoInstant() {
    }

    /** Always {@code yyyy-MM-ddTHH:mm:ss.SSSZ}: fixed width, so text order is time order (how files store them). */
    public static String millis(Instant at) {
        long ms = at.toEpochMilli();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(ms, MILLIS_PER_DAY));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
        }
        char[] out = new char[24];
        dateAndTime(out, date, (int) Math.floorMod(ms, MILLIS_PER_DAY) / 1000);
        out[19] = '.';
        put(out, 20, (int) Math.floorMod(ms, 1000L), 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** Exactly what {@link Instant#toString()} gives: the fraction in groups of three digits, none if zero. */
    public static String standard(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return at.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int nanos = at.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        char[] out = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        dateAndTime(out, date, (int) Math.floorMod(seconds, 86_400L));
        if (fraction > 0) {
            out[19] = '.';
            put(out, 20, fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1000 : nanos, fraction);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} into the first 19 characters. */
    private static void dateAndTime(char[] out, LocalDate date, int secondOfDay) {
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

package org.earmark.storage;

import java.time.Instant;
import org.earmark.core.IsoInstant;

/** How instants are stored: ISO-8601 UTC with milliseconds, so they sort as text and read in any tool. */
final class Timestamps {
    private Timestamps() {
    }

    /** Always {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (fixed width, so text order is time order). */
    static String format(Instant at) {
        return IsoInstant.millis(at);
    }

    /** Parses what {@link #format} writes without the general ISO parser, which dominates large merges. */
    static Instant parse(String text) {
        return DamagedValue.of(() -> "the time \"" + text + "\"", () -> parseValid(text));
    }

    private static Instant parseValid(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int milli = digits(text, 20, 23);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60 && milli >= 0) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochMilli((((days * 24 + hour) * 60 + minute) * 60 + second) * 1000 + milli);
            }
        }
        return Instant.parse(text);
    }

    /**
     * True when the 24 characters of {@code text} from {@code at} are what {@link #format} writes (a year 0–9999, a
     * day the calendar has), so that parsing and formatting them again gives the same text.
     */
    static boolean isCanonical(String text, int at) {
        if (text.length() < at + 24 || text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-'
                || text.charAt(at + 10) != 'T' || text.charAt(at + 13) != ':' || text.charAt(at + 16) != ':'
                || text.charAt(at + 19) != '.' || text.charAt(at + 23) != 'Z') {
            return false;
        }
        int year = digits(text, at, at + 4);
        int month = digits(text, at + 5, at + 7);
        int day = digits(text, at + 8, at + 10);
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
                && inRange(digits(text, at + 11, at + 13), 24) && inRange(digits(text, at + 14, at + 16), 60)
                && inRange(digits(text, at + 17, at + 19), 60) && digits(text, at + 20, at + 23) >= 0;
    }

    private static boolean inRange(int value, int limit) {
        return value >= 0 && value < limit;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The decimal number in text[from, to), or -1 if any character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package org.earmark.storage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How instants are stored: ISO-8601 UTC with milliseconds, so they sort as text and read in any tool. */
final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_INSTANT;

    private Timestamps() {
    }

    static String format(Instant at) {
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        String s = FORMAT.format(ms);
        // ISO_INSTANT drops a zero fraction; keep a fixed width so text order is time order.
        return ms.getNano() == 0 ? s.replace("Z", ".000Z") : s;
    }

    /** Parses what {@link #format} writes without the general ISO parser, which dominates large merges. */
    static Instant parse(String text) {
        return DamagedValue.of("the time \"" + text + "\"", () -> parseValid(text));
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

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

    static Instant parse(String text) {
        return Instant.parse(text);
    }
}

package org.earmark.session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a moment as a coder types it: {@code 12:02.4}, {@code 1:02:03.25}, {@code 95.5} or {@code 95}. */
public final class TimeInput {

    private static final Pattern MOMENT = Pattern.compile(
            "\\s*(?:(?:(\\d+):)?(\\d+):)?(\\d+)(?:[.,](\\d{1,3}))?\\s*");

    private TimeInput() {
    }

    /** The moment in ms, or empty when the text is not a time. */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MOMENT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (m.group(2) != null && seconds >= 60 || m.group(1) != null && minutes >= 60) {
            return Optional.empty();
        }
        String fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
        return Optional.of(((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction));
    }
}

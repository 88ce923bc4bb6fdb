package org.earmark.agreement;

import java.util.Locale;
import org.earmark.core.EarmarkException;

/**
 * The level of measurement of a rating, which decides the distance between two values
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section on metrics).
 */
public enum Level {
    /** Values are labels; any text. Two values either agree or not. */
    NOMINAL,
    /** Values are numbers whose order matters but whose differences do not. */
    ORDINAL,
    /** Values are numbers whose differences matter. */
    INTERVAL,
    /** Non-negative numbers with a true zero; relative differences matter. */
    RATIO;

    /** Whether values at this level must be numbers (ordinal values must be orderable, so numbers too). */
    public boolean isNumeric() {
        return this != NOMINAL;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code nominal|ordinal|interval|ratio} (any case); anything else is bad input. */
    public static Level parse(String text) {
        if (text != null) {
            for (Level level : values()) {
                if (level.cliName().equalsIgnoreCase(text.trim())) {
                    return level;
                }
            }
        }
        throw EarmarkException.badInput("unknown level '" + text + "': use nominal, ordinal, interval or ratio");
    }
}

package org.earmark.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earmark.core.EarmarkException;

/**
 * What a coder may be called. A name becomes a file name (the coder's package and coder file), so it is letters,
 * digits, '_', '-' or '.', and two coders may not differ only in upper/lower case: on Windows and macOS those
 * are the same file. {@value StudyFile#CONSENSUS} is kept, in any case, for the lead's adjudicated coding: a
 * coder of that name would have their coding taken as adjudication and their recordings not as double-coded.
 */
public final class CoderNames {

    /** Letters, digits, '_', '-' or '.', starting with a letter or digit, at most 40 characters. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}";

    private CoderNames() {
    }

    /** Whether {@code name} is the reserved consensus name in some mix of upper and lower case. */
    public static boolean isReserved(String name) {
        return name.equalsIgnoreCase(StudyFile.CONSENSUS);
    }

    /** The first pair of names that are equal but for upper/lower case (or equal), if any. */
    public static Optional<List<String>> sameButForCase(List<String> names) {
        Map<String, String> seen = new HashMap<>();
        for (String name : names) {
            String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                return Optional.of(List.of(earlier, name));
            }
        }
        return Optional.empty();
    }

    /** Refuses, naming the offending name, a list of coders that may not be stored. */
    public static void check(List<String> names) {
        for (String name : names) {
            if (!name.matches(PATTERN)) {
                throw EarmarkException.badInput("Coder name \"" + name + "\" must be letters, digits, '_', '-' or"
                        + " '.' (it becomes a file name), at most 40 characters; nothing was assigned.");
            }
            if (isReserved(name)) {
                throw EarmarkException.badInput("Coder name \"" + name + "\" is kept for the adjudicated (consensus)"
                        + " coding, in any upper/lower case; choose another name. Nothing was assigned.");
            }
        }
        sameButForCase(names).ifPresent(pair -> {
            throw EarmarkException.badInput(pair.get(0).equals(pair.get(1))
                    ? "Coder name \"" + pair.get(0) + "\" is given twice; nothing was assigned."
                    : "Coder names \"" + pair.get(0) + "\" and \"" + pair.get(1) + "\" differ only in upper/lower"
                            + " case; each becomes a file name, the same file on Windows and macOS. Nothing was"
                            + " assigned.");
        });
    }
}

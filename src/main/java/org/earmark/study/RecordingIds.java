package org.earmark.study;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Anonymised recording ids like {@code R-7Q3K}: random, so they reveal neither the original
 * name nor the order of the files; letters and digits that cannot be misread (no 0/O, 1/I/L).
 */
public final class RecordingIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private RecordingIds() {
    }

    public static List<String> generate(int count, SecureRandom random) {
        int length = 4;
        // Keep ids short but collisions rare: at most a 1% fill of the id space.
        while (Math.pow(ALPHABET.length(), length) < count * 100.0) {
            length++;
        }
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            StringBuilder id = new StringBuilder("R-");
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            ids.add(id.toString());
        }
        return List.copyOf(ids);
    }
}

package org.earmark.codebook;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A global rating a coder gives once per recording, on an integer scale with an anchor per value. */
public record RatingScale(String id, String label, int min, int max, SortedMap<Integer, String> anchors) {

    public RatingScale {
        checkNotBlank(id, "rating id");
        checkNotBlank(label, "label of rating " + id);
        checkArgument(min < max, "rating %s: min (%d) must be below max (%d)", id, min, max);
        anchors = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(anchors));
    }

    public RatingScale(String id, String label, int min, int max, Map<Integer, String> anchors) {
        this(id, label, min, max, new TreeMap<>(anchors));
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }
}

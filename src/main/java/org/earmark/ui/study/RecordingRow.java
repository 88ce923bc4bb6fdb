package org.earmark.ui.study;

import java.util.List;
import java.util.Map;

/**
 * One line of the study's recordings table: anonymised id, duration, assigned coders and each
 * coder's merged, live events. Nothing of the allocation key.
 */
public record RecordingRow(String id, String duration, List<String> coders, Map<String, Integer> events) {
    public RecordingRow {
        coders = List.copyOf(coders);
        events = Map.copyOf(events);
    }
}

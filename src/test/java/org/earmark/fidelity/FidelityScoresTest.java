package org.earmark.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.Event;
import org.junit.jupiter.api.Test;

/** The shipped codebook's metrics on a session worked out by hand. */
class FidelityScoresTest {

    private static final Codebook CODEBOOK = CodebookLoader.load(
            java.nio.file.Path.of("codebook/outcomes-focused-supervision.json"));

    private static Event event(String code, long startMs, Long endMs, boolean deleted) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Event(UUID.randomUUID(), "R-AAAA", code, startMs, endMs, "", t, t, deleted);
    }

    @Test
    void aSessionWorkedOutByHand() {
        List<Event> events = new ArrayList<>();
        // 6 outcomes-focused, 3 risk, 4 task, 1 reflective, 2 other = 16 supervisor questions
        for (int i = 0; i < 6; i++) {
            events.add(event("OFQ", 60_000L * i, null, false));
        }
        for (int i = 0; i < 3; i++) {
            events.add(event("RISK", 1_000L + i, null, false));
        }
        for (int i = 0; i < 4; i++) {
            events.add(event("TASK", 2_000L + i, null, false));
        }
        events.add(event("REFL", 3_000, null, false));
        events.add(event("OTHQ", 4_000, null, false));
        events.add(event("OTHQ", 5_000, null, false));
        events.add(event("OFQ", 6_000, null, true)); // deleted: does not count
        // Case discussions 2:00–12:00 and 10:00–20:00 overlap: 18 minutes covered.
        events.add(event("CASE", 120_000, 720_000L, false));
        events.add(event("CASE", 600_000, 1_200_000L, false));

        Map<String, Double> scores = FidelityScores.evaluate(CODEBOOK, 30 * 60_000L, events,
                Map.of("outcome_focus", 4));

        assertEquals(List.of("ofq_count", "ofq_per_10min", "ofq_share", "case_minutes", "outcome_focus_rating"),
                List.copyOf(scores.keySet()));
        assertEquals(6.0, scores.get("ofq_count"));
        assertEquals(2.0, scores.get("ofq_per_10min"), 1e-12); // 6 in 30 minutes
        assertEquals(6.0 / 16.0, scores.get("ofq_share"), 1e-12);
        assertEquals(18.0, scores.get("case_minutes"), 1e-12);
        assertEquals(4.0, scores.get("outcome_focus_rating"));
    }

    @Test
    void undefinedMetricsAreNullNotZero() {
        Map<String, Double> scores = FidelityScores.evaluate(CODEBOOK, null, List.of(), Map.of());
        assertEquals(0.0, scores.get("ofq_count"));
        assertNull(scores.get("ofq_per_10min"), "no duration, no rate");
        assertNull(scores.get("ofq_share"), "share of zero questions is undefined");
        assertEquals(0.0, scores.get("case_minutes"));
        assertNull(scores.get("outcome_focus_rating"), "no rating given");
    }
}

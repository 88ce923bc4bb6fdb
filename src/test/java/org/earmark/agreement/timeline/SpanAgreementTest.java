package org.earmark.agreement.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanAgreementTest {

    @Test
    void timeSlicedWorkedExample() {
        // 10 s; A has S over [0, 4 s), B over [1.5 s, 4 s): midpoints .5 1.5 2.5 3.5 → A 4 slices, B 3
        SpanAgreement s = SpanAgreement.compute(Map.of(
                "a", List.of(TimedEvent.span("S", 0, 4_000)),
                "b", List.of(TimedEvent.span("S", 1_500, 4_000))), 10_000, SpanAgreement.DEFAULT_SLICE_MS);
        SpanAgreement.SliceScores scores = s.sliceScores().get("S").get(0);
        assertEquals(10, scores.slices());
        assertEquals(0.9, scores.percentAgreement().getAsDouble(), 1e-15);
        // p_o = .9, p_e = .4·.3 + .6·.7 = .54, kappa = .36/.46
        assertEquals(0.36 / 0.46, scores.kappa().getAsDouble(), 1e-12);
    }

    /**
     * Krippendorff (1995) "On the reliability of unitizing continuous data", p. 57: four two-coder examples on a
     * continuum of 24 units, with alpha_u A .553, B -.926, C .679, D .066 (published for the continuous limit;
     * as DKPro's own test, we stretch 1 unit to 1000 ms and allow 0.02).
     */
    @Test
    void krippendorff1995Examples() {
        assertEquals(0.553, alpha(new long[][] {{2, 8}, {14, 6}}, new long[][] {{4, 4}, {15, 2}}), 0.02);
        assertEquals(-0.926, alpha(new long[][] {{0, 18}},
                new long[][] {{0, 2}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 3}, {9, 1}}), 0.02);
        assertEquals(0.679, alpha(new long[][] {{2, 6}, {10, 2}, {14, 4}, {20, 2}},
                new long[][] {{0, 2}, {4, 4}, {10, 4}, {16, 2}, {20, 2}}), 0.02);
        assertEquals(0.066, alpha(new long[][] {{0, 2}, {2, 8}, {10, 4}, {14, 6}, {20, 4}},
                new long[][] {{0, 4}, {4, 4}, {8, 7}, {15, 2}, {17, 7}}), 0.02);
    }

    @Test
    void undefinedWithoutSpans() {
        SpanAgreement s = SpanAgreement.compute(Map.of("a", List.of(TimedEvent.span("S", 0, 1_000)), "b", List.of()),
                5_000, 1_000);
        assertEquals(0.8, s.sliceScores().get("S").get(0).percentAgreement().getAsDouble(), 1e-15);
        assertEquals(0.0, s.sliceScores().get("S").get(0).kappa().getAsDouble(), 1e-15);
        assertFalse(SpanAgreement.compute(Map.of("a", List.of(), "b", List.of()), 5_000, 1_000)
                .unitizingAlpha().containsKey("S"));
    }

    private static double alpha(long[][] first, long[][] second) {
        return SpanAgreement.compute(Map.of("first", spans(first), "second", spans(second)), 24_000, 1_000)
                .unitizingAlpha().get("X").getAsDouble();
    }

    private static List<TimedEvent> spans(long[][] offsetLength) {
        List<TimedEvent> list = new ArrayList<>();
        for (long[] ol : offsetLength) {
            list.add(TimedEvent.span("X", ol[0] * 1_000, (ol[0] + ol[1]) * 1_000));
        }
        return list;
    }
}

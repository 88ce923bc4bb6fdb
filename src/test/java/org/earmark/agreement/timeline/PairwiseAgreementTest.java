package org.earmark.agreement.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseAgreementTest {

    // A: OFQ@10 RISK@30 OFQ@50 TASK@70; B: OFQ@11 OFQ@31 TASK@70.5 TASK@90 (seconds)
    private static final List<TimedEvent> A = List.of(TimedEvent.point("OFQ", 10_000), TimedEvent.point("RISK", 30_000),
            TimedEvent.point("OFQ", 50_000), TimedEvent.point("TASK", 70_000));
    private static final List<TimedEvent> B = List.of(TimedEvent.point("OFQ", 11_000), TimedEvent.point("OFQ", 31_000),
            TimedEvent.point("TASK", 70_500), TimedEvent.point("TASK", 90_000));

    @Test
    void workedExample() {
        PairwiseAgreement p = PairwiseAgreement.of("a", A, "b", B, EventMatcher.DEFAULT_TOLERANCE_MS);
        ConfusionTable t = p.table();
        assertEquals(List.of("OFQ", "RISK", "TASK"), t.codes());
        assertEquals(1, t.count("OFQ", "OFQ"));
        assertEquals(1, t.count("OFQ", null));
        assertEquals(1, t.count("RISK", "OFQ"));
        assertEquals(1, t.count("TASK", "TASK"));
        assertEquals(1, t.count(null, "TASK"));
        assertEquals(5, t.total());
        // 2 same-code pairs of 3 pairs + 2 unpaired events
        assertEquals(0.4, p.percentAgreement().getAsDouble(), 1e-15);
        // p_o = 2/5, p_e = (2·2 + 1·0 + 1·2 + 1·1)/25 = 7/25, kappa = (0.4 - 0.28)/0.72 = 1/6
        assertEquals(1.0 / 6, p.kappa().getAsDouble(), 1e-15);
        assertEquals(1, p.missedByA());
        assertEquals(1, p.missedByB());
        CodeScores ofq = p.perCode().get("OFQ");
        assertEquals(0.5, ofq.precision().getAsDouble(), 1e-15);
        assertEquals(0.5, ofq.recall().getAsDouble(), 1e-15);
        assertEquals(0.5, ofq.f1().getAsDouble(), 1e-15);
        assertEquals(1, ofq.missedByB());
        CodeScores risk = p.perCode().get("RISK");
        assertFalse(risk.precision().isPresent()); // B never coded RISK
        assertEquals(0.0, risk.recall().getAsDouble());
        CodeScores task = p.perCode().get("TASK");
        assertEquals(0.5, task.precision().getAsDouble(), 1e-15);
        assertEquals(1.0, task.recall().getAsDouble(), 1e-15);
        assertEquals(2.0 / 3, task.f1().getAsDouble(), 1e-15);
        assertEquals(1, task.missedByA());
    }

    @Test
    void swappingCodersTransposesAndSwapsPrecisionAndRecall() {
        PairwiseAgreement ab = PairwiseAgreement.of("a", A, "b", B, 2_000);
        PairwiseAgreement ba = PairwiseAgreement.of("b", B, "a", A, 2_000);
        assertEquals(ab.table().transposed(), ba.table());
        assertEquals(ab.kappa(), ba.kappa());
        assertEquals(ab.percentAgreement(), ba.percentAgreement());
        assertEquals(ab.missedByA(), ba.missedByB());
        for (String code : ab.perCode().keySet()) {
            assertEquals(ab.perCode().get(code).precision(), ba.perCode().get(code).recall());
            assertEquals(ab.perCode().get(code).f1(), ba.perCode().get(code).f1());
        }
    }

    @Test
    void edgeCases() {
        PairwiseAgreement none = PairwiseAgreement.of("a", List.of(), "b", List.of(), 2_000);
        assertFalse(none.percentAgreement().isPresent());
        assertFalse(none.kappa().isPresent());
        // perfect agreement on a single code: percent 1, kappa undefined (expected agreement is 1)
        List<TimedEvent> same = List.of(TimedEvent.point("X", 0), TimedEvent.point("X", 10_000));
        PairwiseAgreement perfect = PairwiseAgreement.of("a", same, "b", same, 2_000);
        assertEquals(1.0, perfect.percentAgreement().getAsDouble());
        assertFalse(perfect.kappa().isPresent());
        // perfect agreement on two codes: kappa 1
        List<TimedEvent> two = List.of(TimedEvent.point("X", 0), TimedEvent.point("Y", 10_000));
        assertEquals(1.0, PairwiseAgreement.of("a", two, "b", two, 2_000).kappa().getAsDouble());
    }
}

package org.earmark.ui.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.ui.study.TestStudy;
import org.junit.jupiter.api.Test;

/** Disagreements found by the timeline matcher, and the consensus that the decisions make. No JavaFX. */
class AdjudicationTest {

    private static Event e(String code, long start, Long end) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Event(UUID.randomUUID(), "R-AAAA", code, start, end, "", t, t, false);
    }

    /** Coder a and b on R-AAAA of the test study. */
    private static Adjudication rAAAA() {
        List<Event> a = List.of(e("TASK", 20_000, null), e("OFQ", 10_000, null), e("RISK", 30_000, null),
                e("CASE", 0, 30_000L));
        List<Event> b = List.of(e("OFQ", 10_500, null), e("TASK", 21_000, null), e("OTHQ", 50_000, null),
                e("CASE", 6_000, 30_000L));
        return Adjudication.of(TestStudy.CODEBOOK, "R-AAAA", "a", a, Map.of("outcome_focus", 4), "b", b, Map.of(),
                2_000);
    }

    @Test
    void findsUnmatchedEventsAndRatingsAndTakesAgreedEventsAsCoderAHasThem() {
        Adjudication adj = rAAAA();
        assertEquals(List.of("OFQ@10000", "TASK@20000"), adj.agreed().stream().map(x -> x.code() + "@" + x.startMs())
                .toList());
        assertEquals(List.of("OFQ@10500", "TASK@21000"), adj.agreedByB().stream()
                .map(x -> x.code() + "@" + x.startMs()).toList());
        assertEquals(List.of("DIFFERENT_TIMES CASE@0", "ONLY_A RISK@30000", "ONLY_B OTHQ@50000",
                "RATING outcome_focus 4/null"), adj.items().stream().map(AdjudicationTest::describe).toList());
        assertEquals(6_000, adj.items().get(0).b().startMs(), "the overlapping spans are one disagreement");
        assertEquals(0, adj.settled());
        assertFalse(adj.isComplete());
    }

    @Test
    void aPairWithDifferentCodesIsOneDisagreement() {
        Adjudication adj = Adjudication.of(TestStudy.CODEBOOK, "R-AAAA", "a", List.of(e("OFQ", 5_000, null)),
                Map.of(), "b", List.of(e("REFL", 6_000, null)), Map.of(), 2_000);
        assertEquals(1, adj.items().size());
        Adjudication.Item it = adj.items().get(0);
        assertEquals(Adjudication.Kind.DIFFERENT_CODE, it.kind());
        assertEquals(5_000, it.atMs());
        assertEquals(6_000, it.endMs());
        adj.choose(0, Adjudication.Choice.B);
        assertEquals(List.of(new NewEvent("R-AAAA", "REFL", 6_000, null, "")), adj.consensusEvents());
    }

    @Test
    void theDecisionsMakeTheConsensus() {
        Adjudication adj = rAAAA();
        adj.choose(0, Adjudication.Choice.A); // a's CASE 0-30 s rather than b's 6-30 s
        adj.choose(1, Adjudication.Choice.B); // RISK only a: B says no event
        adj.edit(2, new NewEvent("R-AAAA", "REFL", 49_000, null, "heard as reflective")); // OTHQ only b: edited
        assertFalse(adj.isComplete());
        adj.choose(3, Adjudication.Choice.A); // a's rating 4
        assertTrue(adj.isComplete());
        assertEquals(List.of(new NewEvent("R-AAAA", "CASE", 0, 30_000L, ""),
                new NewEvent("R-AAAA", "OFQ", 10_000, null, ""), new NewEvent("R-AAAA", "TASK", 20_000, null, ""),
                new NewEvent("R-AAAA", "REFL", 49_000, null, "heard as reflective")), adj.consensusEvents());
        assertEquals(Map.of("outcome_focus", 4), adj.consensusRatings());
        assertEquals("adjudicated from coders a (A) and b (B), tolerance 2.0 s: 2 events agreed, 4 disagreements"
                + " settled (2 as A, 1 as B, 1 edited)", adj.note());

        adj.editRating(3, null);
        assertEquals(Map.of(), adj.consensusRatings(), "no rating");
        adj.choose(3, Adjudication.Choice.OPEN);
        assertFalse(adj.isComplete());
        assertThrows(IllegalArgumentException.class, () -> adj.edit(3, null));
        assertThrows(IllegalArgumentException.class, () -> adj.editRating(0, 3));
        assertThrows(IllegalArgumentException.class, () -> adj.choose(0, Adjudication.Choice.EDITED));
    }

    @Test
    void spansWhoseTimesAgreeWithinTheToleranceAreAgreed() {
        Adjudication adj = Adjudication.of(TestStudy.CODEBOOK, "R-AAAA", "a", List.of(e("CASE", 1_000, 60_000L),
                e("CASE", 70_000, 90_000L)), Map.of(), "b", List.of(e("CASE", 2_500, 59_000L), e("CASE", 95_000,
                99_000L)), Map.of(), 2_000);
        assertEquals(List.of("CASE@1000"), adj.agreed().stream().map(x -> x.code() + "@" + x.startMs()).toList());
        assertEquals(List.of("ONLY_A CASE@70000", "ONLY_B CASE@95000"), adj.items().stream()
                .map(AdjudicationTest::describe).toList(), "spans that do not overlap are not paired");
    }

    @Test
    void swappingTheCodersFindsTheSameDisagreements() {
        Adjudication ab = rAAAA();
        Adjudication ba = Adjudication.of(TestStudy.CODEBOOK, "R-AAAA", "b", List.of(e("OFQ", 10_500, null),
                e("TASK", 21_000, null), e("OTHQ", 50_000, null), e("CASE", 6_000, 30_000L)), Map.of(), "a",
                List.of(e("TASK", 20_000, null), e("OFQ", 10_000, null), e("RISK", 30_000, null),
                        e("CASE", 0, 30_000L)), Map.of("outcome_focus", 4), 2_000);
        assertEquals(ab.items().size(), ba.items().size());
        assertEquals(ab.agreedByB().size(), ba.agreed().size());
    }

    @Test
    void timesAreTypedAsShownOrInSeconds() {
        assertEquals(722_400L, EventForm.parse("12:02.4"));
        assertEquals(722_400L, EventForm.parse("722,4"));
        assertEquals(3_723_000L, EventForm.parse("1:02:03"));
        assertEquals(null, EventForm.parse("12:60"));
        assertEquals(null, EventForm.parse("-1"));
        assertEquals(null, EventForm.parse("soon"));
        assertEquals(null, EventForm.parse(""));
    }

    private static String describe(Adjudication.Item it) {
        if (it.kind() == Adjudication.Kind.RATING) {
            return "RATING " + it.scale() + " " + it.ratingA() + "/" + it.ratingB();
        }
        Event x = it.a() != null ? it.a() : it.b();
        return it.kind() + " " + x.code() + "@" + x.startMs();
    }
}

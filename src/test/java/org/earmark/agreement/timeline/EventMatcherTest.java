package org.earmark.agreement.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class EventMatcherTest {

    private static TimedEvent p(String code, long ms) {
        return TimedEvent.point(code, ms);
    }

    private static List<EventMatching.Pair> pairs(int... ab) {
        List<EventMatching.Pair> list = new ArrayList<>();
        for (int i = 0; i < ab.length; i += 2) {
            list.add(new EventMatching.Pair(ab[i], ab[i + 1]));
        }
        return list;
    }

    @Test
    void pairsWithinToleranceInclusive() {
        EventMatching m = EventMatcher.match(List.of(p("X", 10_000), p("X", 20_000)),
                List.of(p("X", 12_000), p("X", 22_001)));
        assertEquals(pairs(0, 0), m.pairs()); // 2000 ms apart pairs, 2001 ms does not
        assertEquals(List.of(p("X", 20_000)), m.unmatchedA());
        assertEquals(List.of(p("X", 22_001)), m.unmatchedB());
    }

    @Test
    void morePairsBeatSameCode() {
        // A: X@0 Y@1500; B: Y@1000. Pairing Y-Y gives 1 pair; so does X-Y. A second pair is impossible, so
        // the same-code pair wins. Then: A: X@0, Y@3000; B: Y@1000 X@2500: crossing not allowed; two
        // different-code pairs (X-Y, Y-X) beat one same-code pair.
        assertEquals(pairs(1, 0), EventMatcher.match(List.of(p("X", 0), p("Y", 1500)), List.of(p("Y", 1000)))
                .pairs());
        assertEquals(pairs(0, 0, 1, 1), EventMatcher.match(List.of(p("X", 0), p("Y", 3000)),
                List.of(p("Y", 1000), p("X", 2500))).pairs());
    }

    @Test
    void sameCodeBeatsCloserTime() {
        // B's X at 1900 is farther from A's X at 0 than B's Y at 100 is, but same code wins
        EventMatching m = EventMatcher.match(List.of(p("X", 0)), List.of(p("Y", 100), p("X", 1900)));
        assertEquals(pairs(0, 1), m.pairs());
    }

    @Test
    void closerTimeBreaksRemainingTies() {
        EventMatching m = EventMatcher.match(List.of(p("X", 1000)), List.of(p("X", 0), p("X", 1500)));
        assertEquals(pairs(0, 1), m.pairs());
    }

    @Test
    void orderPreservingNotGreedy() {
        // Greedy nearest pairing would take A1-B0 (100 ms) and leave A0 unpaired; the alignment pairs both.
        EventMatching m = EventMatcher.match(List.of(p("X", 0), p("X", 1900)), List.of(p("X", 1800), p("X", 3500)));
        assertEquals(pairs(0, 0, 1, 1), m.pairs());
    }

    @Test
    void emptySides() {
        assertEquals(List.of(), EventMatcher.match(List.of(), List.of(p("X", 0))).pairs());
        assertEquals(List.of(), EventMatcher.match(List.of(), List.of()).pairs());
    }

    @RepeatedTest(300)
    void optimalAgainstBruteForce(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        List<TimedEvent> a = randomEvents(random, 1 + random.nextInt(7));
        List<TimedEvent> b = randomEvents(random, random.nextInt(7));
        long tolerance = 500 + random.nextInt(2000);
        EventMatching m = EventMatcher.match(a, b, tolerance);
        long[] best = brute(m.eventsA(), m.eventsB(), 0, 0, tolerance);
        assertEquals(List.of(best[0], best[1], best[2]), objective(m), "A=" + a + " B=" + b);
        // one-to-one and order-preserving
        for (int i = 1; i < m.pairs().size(); i++) {
            assert m.pairs().get(i).a() > m.pairs().get(i - 1).a() && m.pairs().get(i).b() > m.pairs().get(i - 1).b();
        }
    }

    @RepeatedTest(200)
    void symmetricAndIndependentOfInputOrder(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(1000 + info.getCurrentRepetition());
        List<TimedEvent> a = randomEvents(random, random.nextInt(12));
        List<TimedEvent> b = randomEvents(random, random.nextInt(12));
        EventMatching ab = EventMatcher.match(a, b, 1500);
        EventMatching ba = EventMatcher.match(b, a, 1500);
        assertEquals(ab.transposed(), ba);
        assertEquals(ConfusionTable.of(ab).transposed(), ConfusionTable.of(ba));
        List<TimedEvent> shuffled = new ArrayList<>(a);
        Collections.shuffle(shuffled, random);
        assertEquals(ab, EventMatcher.match(shuffled, b, 1500));
    }

    private static List<TimedEvent> randomEvents(Random random, int n) {
        List<TimedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // coarse times and few codes so that ties are common
            events.add(p(String.valueOf((char) ('A' + random.nextInt(3))), 250L * random.nextInt(24)));
        }
        return events;
    }

    private static List<Long> objective(EventMatching m) {
        long same = 0;
        long diff = 0;
        for (EventMatching.Pair pair : m.pairs()) {
            TimedEvent x = m.eventsA().get(pair.a());
            TimedEvent y = m.eventsB().get(pair.b());
            same += x.code().equals(y.code()) ? 1 : 0;
            diff += Math.abs(x.startMs() - y.startMs());
        }
        return List.of((long) m.pairs().size(), same, -diff);
    }

    /** Exhaustive best (pairs, same, -diff) over all order-preserving matchings of a[i..], b[j..]. */
    private static long[] brute(List<TimedEvent> a, List<TimedEvent> b, int i, int j, long tol) {
        if (i == a.size() || j == b.size()) {
            return new long[] {0, 0, 0};
        }
        long[] best = brute(a, b, i + 1, j, tol);
        best = better(best, brute(a, b, i, j + 1, tol));
        long d = Math.abs(a.get(i).startMs() - b.get(j).startMs());
        if (d <= tol) {
            long[] rest = brute(a, b, i + 1, j + 1, tol);
            best = better(best, new long[] {rest[0] + 1, rest[1] + (a.get(i).code().equals(b.get(j).code()) ? 1 : 0),
                rest[2] - d});
        }
        return best;
    }

    private static long[] better(long[] x, long[] y) {
        for (int k = 0; k < 3; k++) {
            if (x[k] != y[k]) {
                return x[k] > y[k] ? x : y;
            }
        }
        return x;
    }
}

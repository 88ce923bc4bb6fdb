package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.earmark.core.Preconditions;

/**
 * Optimal, order-preserving, one-to-one matching of two coders' point events on one recording.
 * <p>
 * <b>Objective.</b> Each coder's events are put in time order (then code). A matching is a set of pairs
 * (a_i, b_j) with |t(a_i) - t(b_j)| ≤ tolerance, each event in at most one pair, and no two pairs crossing
 * (i &lt; i' if and only if j &lt; j'). Among all such matchings the matcher returns one that, in this order of
 * priority: (1) has the most pairs; (2) among those, has the most pairs whose codes are equal; (3) among those,
 * has the smallest total |t(a_i) - t(b_j)| over the pairs. Events in no pair are paired with "no event".
 * <p>
 * <b>Algorithm.</b> Sequence alignment restricted to the candidate pairs: each candidate pair gets the weight
 * (N+1)·D + [same code]·D − |Δt| with N = min(|A|, |B|) and D = N·tolerance + 1, which makes the heaviest
 * chain of non-crossing candidates the lexicographic optimum above; the heaviest chain is found by dynamic
 * programming over candidates sorted by A's index with a prefix-maximum (Fenwick) tree over B's index, in
 * O(E log |B|) for E candidates (few per event, since they must lie within the tolerance).
 * <p>
 * <b>Symmetry.</b> Remaining ties are broken deterministically, always from the same orientation: the two
 * lists are put into a canonical order (the lexicographically smaller list first) before matching, so
 * swapping coders A and B yields exactly the transposed matching.
 */
public final class EventMatcher {

    /** The default tolerance: events up to 2 s apart may be paired. */
    public static final long DEFAULT_TOLERANCE_MS = 2_000;

    private EventMatcher() {
    }

    /** Matches with the default tolerance of 2 s. */
    public static EventMatching match(List<TimedEvent> a, List<TimedEvent> b) {
        return match(a, b, DEFAULT_TOLERANCE_MS);
    }

    /** Matches A's and B's events by their start times; see the class comment for the objective. */
    public static EventMatching match(List<TimedEvent> a, List<TimedEvent> b, long toleranceMs) {
        Preconditions.checkArgument(toleranceMs >= 0, "tolerance must be >= 0 ms, was %s", toleranceMs);
        List<TimedEvent> sortedA = sorted(a);
        List<TimedEvent> sortedB = sorted(b);
        if (compare(sortedA, sortedB) <= 0) {
            return new EventMatching(sortedA, sortedB, chain(sortedA, sortedB, toleranceMs));
        }
        return new EventMatching(sortedB, sortedA, chain(sortedB, sortedA, toleranceMs)).transposed();
    }

    private static List<TimedEvent> sorted(List<TimedEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            if (TimedEvent.ORDER.compare(events.get(i - 1), events.get(i)) > 0) {
                List<TimedEvent> copy = new ArrayList<>(events);
                copy.sort(TimedEvent.ORDER);
                return copy;
            }
        }
        return events; // already in order (the common case: callers keep events sorted)
    }

    private static int compare(List<TimedEvent> x, List<TimedEvent> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = TimedEvent.ORDER.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<EventMatching.Pair> chain(List<TimedEvent> a, List<TimedEvent> b, long tolerance) {
        int n = a.size();
        int m = b.size();
        if (n == 0 || m == 0) {
            return List.of();
        }
        long pairsUnit;
        long sameUnit;
        try {
            sameUnit = Math.addExact(Math.multiplyExact((long) Math.min(n, m), tolerance), 1); // D
            pairsUnit = Math.multiplyExact(Math.min(n, m) + 1L, sameUnit); // (N+1)·D
            Math.multiplyExact(pairsUnit, Math.min(n, m) + 1L); // the largest total weight must fit
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too many events (" + n + " and " + m + ") for a tolerance of "
                    + tolerance + " ms", e);
        }
        // candidate pairs, by A index then B index
        int[] candA = new int[Math.max(16, n + m)];
        int[] candB = new int[candA.length];
        int count = 0;
        int lo = 0;
        for (int i = 0; i < n; i++) {
            long t = a.get(i).startMs();
            while (lo < m && b.get(lo).startMs() < t - tolerance) {
                lo++;
            }
            for (int j = lo; j < m && b.get(j).startMs() <= t + tolerance; j++) {
                if (count == candA.length) {
                    candA = Arrays.copyOf(candA, count * 2);
                    candB = Arrays.copyOf(candB, count * 2);
                }
                candA[count] = i;
                candB[count] = j;
                count++;
            }
        }
        long[] best = new long[count];
        int[] previous = new int[count];
        long[] tree = new long[m + 1]; // Fenwick prefix maximum over B index (1-based) of chain weights
        int[] treeAt = new int[m + 1];
        Arrays.fill(treeAt, -1);
        int bestEnd = -1;
        for (int start = 0; start < count;) {
            int end = start;
            while (end < count && candA[end] == candA[start]) {
                end++;
            }
            // chains may not use two candidates of the same A event: query all of this event's candidates first
            for (int e = start; e < end; e++) {
                long w = pairsUnit
                        + (a.get(candA[e]).code().equals(b.get(candB[e]).code()) ? sameUnit : 0)
                        - Math.abs(a.get(candA[e]).startMs() - b.get(candB[e]).startMs());
                long prefix = 0;
                int from = -1;
                for (int k = candB[e]; k > 0; k -= k & -k) { // B indices < candB[e]
                    if (treeAt[k] >= 0 && tree[k] > prefix) {
                        prefix = tree[k];
                        from = treeAt[k];
                    }
                }
                best[e] = prefix + w;
                previous[e] = from;
                if (bestEnd < 0 || best[e] > best[bestEnd]) {
                    bestEnd = e;
                }
            }
            for (int e = start; e < end; e++) {
                for (int k = candB[e] + 1; k <= m; k += k & -k) {
                    if (treeAt[k] < 0 || best[e] > tree[k]) {
                        tree[k] = best[e];
                        treeAt[k] = e;
                    }
                }
            }
            start = end;
        }
        List<EventMatching.Pair> pairs = new ArrayList<>();
        for (int e = bestEnd; e >= 0; e = previous[e]) {
            pairs.add(new EventMatching.Pair(candA[e], candB[e]));
        }
        Collections.reverse(pairs);
        return pairs;
    }
}

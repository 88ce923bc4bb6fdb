package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earmark.agreement.Level;
import org.earmark.agreement.coefficient.KrippendorffAlpha;
import org.earmark.core.Preconditions;

/**
 * Event agreement of two or more coders on one recording: every pair of coders, and Krippendorff's alpha
 * (nominal) over matched units.
 * <p>
 * <b>Units across coders.</b> Every pair of coders is matched optimally ({@link EventMatcher}); the units are the
 * connected components of the union of those pairwise matchings, so each event belongs to exactly one unit.
 * A unit's values are the codes of its events, plus "no event" for every coder with no event in it (they
 * listened to that moment and marked nothing). With two coders this gives exactly the pairs and unpaired
 * events of the matching. With drifting times a component can contain two events of one coder (A1-B1-C1-A2);
 * both values then count, which Krippendorff's coincidence counting allows (a unit is a set of pairable values).
 */
public final class MultiCoderAgreement {

    private final List<String> coders;
    private final List<PairwiseAgreement> pairs;
    private final List<String[]> units;

    private MultiCoderAgreement(List<String> coders, List<PairwiseAgreement> pairs, List<String[]> units) {
        this.coders = List.copyOf(coders);
        this.pairs = List.copyOf(pairs);
        this.units = List.copyOf(units);
    }

    /** Matches every pair of coders; coders are taken in id order so the map's order does not matter. */
    public static MultiCoderAgreement compute(Map<String, List<TimedEvent>> eventsByCoder, long toleranceMs) {
        Preconditions.checkArgument(eventsByCoder.size() >= 2, "need at least two coders, got %s",
                eventsByCoder.keySet());
        TreeMap<String, List<TimedEvent>> byCoder = new TreeMap<>(eventsByCoder);
        List<String> coders = new ArrayList<>(byCoder.keySet());
        List<List<TimedEvent>> events = new ArrayList<>();
        int[] offset = new int[coders.size() + 1];
        for (int c = 0; c < coders.size(); c++) {
            List<TimedEvent> sorted = new ArrayList<>(byCoder.get(coders.get(c)));
            sorted.sort(TimedEvent.ORDER);
            events.add(sorted);
            offset[c + 1] = offset[c] + sorted.size();
        }
        int[] parent = new int[offset[coders.size()]];
        Arrays.setAll(parent, i -> i);
        List<PairwiseAgreement> pairs = new ArrayList<>();
        for (int x = 0; x < coders.size(); x++) {
            for (int y = x + 1; y < coders.size(); y++) {
                EventMatching m = EventMatcher.match(events.get(x), events.get(y), toleranceMs);
                for (EventMatching.Pair p : m.pairs()) {
                    union(parent, offset[x] + p.a(), offset[y] + p.b());
                }
                pairs.add(PairwiseAgreement.of(coders.get(x), coders.get(y), ConfusionTable.of(m)));
            }
        }
        return new MultiCoderAgreement(coders, pairs, units(coders.size(), events, offset, parent));
    }

    private static List<String[]> units(int coderCount, List<List<TimedEvent>> events, int[] offset, int[] parent) {
        // group events by component root, in order of each component's first event
        Map<Integer, List<int[]>> members = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int c = 0; c < coderCount; c++) {
            for (int i = 0; i < events.get(c).size(); i++) {
                int root = find(parent, offset[c] + i);
                members.computeIfAbsent(root, r -> {
                    roots.add(r);
                    return new ArrayList<>();
                }).add(new int[] {c, i});
            }
        }
        List<String[]> units = new ArrayList<>(roots.size());
        for (int root : roots) {
            List<int[]> unit = members.get(root);
            boolean[] present = new boolean[coderCount];
            List<String> values = new ArrayList<>();
            for (int[] m : unit) {
                present[m[0]] = true;
                values.add(events.get(m[0]).get(m[1]).code());
            }
            for (int c = 0; c < coderCount; c++) {
                if (!present[c]) {
                    values.add(null);
                }
            }
            units.add(values.toArray(new String[0]));
        }
        return units;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Krippendorff's alpha (nominal, "no event" a category) over the given units' values. */
    public static OptionalDouble alpha(List<String[]> units) {
        // The few distinct codes are gathered by hash and only then put in order: a sorted set per value cost
        // more than the coefficient at a trial's 450,000 values.
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String[] u : units) {
            for (String v : u) {
                if (v != null) {
                    distinct.add(v);
                }
            }
        }
        TreeSet<String> codes = new TreeSet<>(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (String code : codes) {
            index.put(code, index.size());
        }
        int none = codes.size();
        int[][] values = new int[units.size()][];
        for (int u = 0; u < values.length; u++) {
            String[] unit = units.get(u);
            values[u] = new int[unit.length];
            for (int i = 0; i < unit.length; i++) {
                values[u][i] = unit[i] == null ? none : index.get(unit[i]);
            }
        }
        return KrippendorffAlpha.compute(values, new double[none + 1], Level.NOMINAL);
    }

    /** Coder ids in text order. */
    public List<String> coders() {
        return coders;
    }

    /** One entry per pair of coders (first id &lt; second id). */
    public List<PairwiseAgreement> pairs() {
        return pairs;
    }

    /** The matched units: each an array of codes, {@code null} for a coder's "no event". */
    public List<String[]> units() {
        return units;
    }

    /** Krippendorff's alpha (nominal) over {@link #units()}; empty when undefined. */
    public OptionalDouble alpha() {
        return alpha(units);
    }
}

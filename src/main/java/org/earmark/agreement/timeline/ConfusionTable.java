package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.earmark.core.Preconditions;

/**
 * Counts of matched units by coder A's code (rows) and coder B's code (columns), over the codes in text order
 * plus a last category "no event". An unpaired event of A is counted in (its code, no event), one of B in
 * (no event, its code); the (no event, no event) cell is always 0, since a moment neither coder marked is not
 * a unit. Immutable.
 */
public final class ConfusionTable {

    /** How "no event" is printed. */
    public static final String NO_EVENT = "(no event)";

    private final List<String> codes;
    private final long[][] counts; // (codes.size() + 1) squared; the last index is "no event"

    private ConfusionTable(List<String> codes, long[][] counts) {
        this.codes = List.copyOf(codes);
        this.counts = counts;
    }

    /** The table of one matching. */
    public static ConfusionTable of(EventMatching matching) {
        TreeSet<String> codeSet = new TreeSet<>();
        matching.eventsA().forEach(e -> codeSet.add(e.code()));
        matching.eventsB().forEach(e -> codeSet.add(e.code()));
        List<String> codes = new ArrayList<>(codeSet);
        Map<String, Integer> index = IntStream.range(0, codes.size()).boxed()
                .collect(Collectors.toMap(codes::get, i -> i));
        int none = codes.size();
        long[][] counts = new long[none + 1][none + 1];
        boolean[] pairedA = new boolean[matching.eventsA().size()];
        boolean[] pairedB = new boolean[matching.eventsB().size()];
        for (EventMatching.Pair p : matching.pairs()) {
            pairedA[p.a()] = true;
            pairedB[p.b()] = true;
            counts[index.get(matching.eventsA().get(p.a()).code())][index.get(matching.eventsB().get(p.b()).code())]++;
        }
        for (int i = 0; i < pairedA.length; i++) {
            if (!pairedA[i]) {
                counts[index.get(matching.eventsA().get(i).code())][none]++;
            }
        }
        for (int j = 0; j < pairedB.length; j++) {
            if (!pairedB[j]) {
                counts[none][index.get(matching.eventsB().get(j).code())]++;
            }
        }
        return new ConfusionTable(codes, counts);
    }

    /** The cell-wise sum of tables (for pooling recordings); codes are united. */
    public static ConfusionTable sum(List<ConfusionTable> tables) {
        TreeSet<String> codeSet = new TreeSet<>();
        tables.forEach(t -> codeSet.addAll(t.codes));
        List<String> codes = new ArrayList<>(codeSet);
        Map<String, Integer> index = IntStream.range(0, codes.size()).boxed()
                .collect(Collectors.toMap(codes::get, i -> i));
        int none = codes.size();
        long[][] counts = new long[none + 1][none + 1];
        for (ConfusionTable t : tables) {
            int[] map = new int[t.codes.size() + 1];
            for (int i = 0; i < t.codes.size(); i++) {
                map[i] = index.get(t.codes.get(i));
            }
            map[t.codes.size()] = none;
            for (int i = 0; i < map.length; i++) {
                for (int j = 0; j < map.length; j++) {
                    counts[map[i]][map[j]] += t.counts[i][j];
                }
            }
        }
        return new ConfusionTable(codes, counts);
    }

    /** The codes, in text order; "no event" is not among them. */
    public List<String> codes() {
        return codes;
    }

    /** Count of units A coded {@code codeA} and B coded {@code codeB}; {@code null} stands for "no event". */
    public long count(String codeA, String codeB) {
        return counts[indexOf(codeA)][indexOf(codeB)];
    }

    /** Total number of units: pairs plus unpaired events. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The same table with the coders' roles swapped. */
    public ConfusionTable transposed() {
        int q = counts.length;
        long[][] t = new long[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                t[j][i] = counts[i][j];
            }
        }
        return new ConfusionTable(codes, t);
    }

    /** A copy of the counts; index {@code codes().size()} is "no event". */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    private int indexOf(String code) {
        if (code == null) {
            return codes.size();
        }
        int i = codes.indexOf(code);
        Preconditions.checkArgument(i >= 0, "code '%s' is not in this table (codes: %s)", code, codes);
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionTable t && t.codes.equals(codes) && java.util.Arrays.deepEquals(t.counts, counts);
    }

    @Override
    public int hashCode() {
        return codes.hashCode() * 31 + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("A \\ B");
        List<String> labels = new ArrayList<>(codes);
        labels.add(NO_EVENT);
        labels.forEach(l -> s.append('\t').append(l));
        for (int i = 0; i < counts.length; i++) {
            s.append('\n').append(labels.get(i));
            for (long c : counts[i]) {
                s.append('\t').append(c);
            }
        }
        return s.toString();
    }
}

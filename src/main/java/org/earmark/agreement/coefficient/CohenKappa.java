package org.earmark.agreement.coefficient;

import java.util.OptionalDouble;
import org.earmark.agreement.RatingsTable;
import org.earmark.core.Preconditions;

/**
 * Cohen's kappa for two coders, unweighted or weighted, from a square contingency table. Units with a missing
 * value are dropped. Hand-written rather than DKPro's CohenKappaAgreement (which gives the same unweighted
 * numbers, see DkproCrossCheckTest) because the timeline code produces a contingency table directly, for
 * hundreds of thousands of matched events, and because the weights here are over ranks of the observed values.
 */
public final class CohenKappa {

    private CohenKappa() {
    }

    /**
     * Kappa of a two-coder ratings table; weighted kappa needs a numeric table (its categories are the distinct
     * values observed on complete units, in numeric order). Empty unless there are exactly two coders and at
     * least two complete units, or when the expected agreement is 1 (a single category).
     */
    public static OptionalDouble compute(RatingsTable table, KappaWeights weights) {
        if (table.coderCount() != 2) {
            return OptionalDouble.empty();
        }
        Preconditions.checkArgument(weights == KappaWeights.UNWEIGHTED || table.isNumeric(),
                "%s weights need numeric ratings; this table holds labels", weights);
        RatingsTable complete = table.completeUnits();
        int q = complete.categoryCount();
        long[][] counts = new long[q][q];
        for (int u = 0; u < complete.unitCount(); u++) {
            counts[complete.category(u, 0)][complete.category(u, 1)]++;
        }
        return fromTable(counts, weights);
    }

    /** Kappa of a q × q table of counts (rows: first coder, columns: second), categories in their order. */
    public static OptionalDouble fromTable(long[][] counts, KappaWeights weights) {
        int q = counts.length;
        long[] rows = new long[q];
        long[] cols = new long[q];
        long n = 0;
        for (int i = 0; i < q; i++) {
            Preconditions.checkArgument(counts[i].length == q, "table must be square; row %s has %s cells", i,
                    counts[i].length);
            for (int j = 0; j < q; j++) {
                Preconditions.checkArgument(counts[i][j] >= 0, "counts must be >= 0, was %s", counts[i][j]);
                rows[i] += counts[i][j];
                cols[j] += counts[i][j];
                n += counts[i][j];
            }
        }
        if (n < Coefficients.MIN_UNITS || q < 2) {
            return OptionalDouble.empty();
        }
        // Cohen (1968) eq. 3: kappa_w = (p_o(w) - p_c(w)) / (1 - p_c(w)); multiplied through by n^2 * scale so
        // that numerator and denominator are exact integers.
        long observed = 0;
        long expected = 0;
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                long w = weights.scaledWeight(i, j, q);
                if (w != 0) {
                    observed = Math.addExact(observed, Math.multiplyExact(w, counts[i][j]));
                    expected = Math.addExact(expected, Math.multiplyExact(w, Math.multiplyExact(rows[i], cols[j])));
                }
            }
        }
        long full = Math.multiplyExact(Math.multiplyExact(n, n), weights.scale(q));
        long numerator = Math.multiplyExact(n, observed) - expected;
        long denominator = full - expected;
        if (denominator == 0) {
            return OptionalDouble.empty(); // expected agreement is 1: every rating in one category
        }
        return OptionalDouble.of((double) numerator / denominator);
    }
}

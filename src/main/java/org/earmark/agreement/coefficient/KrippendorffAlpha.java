package org.earmark.agreement.coefficient;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.core.Preconditions;

/**
 * Krippendorff's alpha at the four levels, with missing values, as defined in Krippendorff (2011) "Computing
 * Krippendorff's Alpha-Reliability" (coincidences, marginals n_c and the difference functions δ²).
 * <p>
 * Hand-written rather than DKPro's KrippendorffAlphaAgreement: DKPro 2.2.0's OrdinalDistanceFunction works only
 * for Integer categories (other numbers fall back to nominal), its interval/ratio distances overflow for large
 * integers (fixed upstream after 2.2.0, issue #52), and its coincidence maps cost too much for the hundreds of
 * thousands of matched events in a study. DkproCrossCheckTest shows both agree where DKPro is sound.
 * <p>
 * irr 0.84's kripp.alpha is wrong on complete data with three or more coders (it divides pair counts by 1
 * instead of m_u - 1); this class follows the paper and matches irr only where irr is right.
 */
public final class KrippendorffAlpha {

    private KrippendorffAlpha() {
    }

    /** Alpha of a ratings table; ordinal, interval and ratio need a numeric table. */
    public static OptionalDouble compute(RatingsTable table, Level level) {
        Preconditions.checkArgument(level == Level.NOMINAL || table.isNumeric(),
                "%s alpha needs numeric ratings; this table holds labels", level.cliName());
        int[][] units = new int[table.unitCount()][];
        int[] buffer = new int[table.coderCount()];
        for (int u = 0; u < table.unitCount(); u++) {
            int m = 0;
            for (int c = 0; c < table.coderCount(); c++) {
                int k = table.category(u, c);
                if (k != RatingsTable.MISSING) {
                    buffer[m++] = k;
                }
            }
            units[u] = Arrays.copyOf(buffer, m);
        }
        double[] values = new double[table.categoryCount()];
        if (level != Level.NOMINAL) {
            for (int k = 0; k < values.length; k++) {
                values[k] = table.categoryValue(k);
            }
        }
        return compute(units, values, level);
    }

    /**
     * Alpha from the values given to each unit, as category indices into {@code categoryValues} (which must be
     * in ascending order for ordinal data; ignored for nominal data beyond its length). A unit may hold any
     * number of values, also several from one coder; units with fewer than two values are not pairable.
     */
    public static OptionalDouble compute(int[][] unitValues, double[] categoryValues, Level level) {
        int q = categoryValues.length;
        long[] marginals = new long[q]; // Krippendorff (2011): n_c = Σ_k o_ck = pairable values in category c
        int pairableUnits = 0;
        for (int[] unit : unitValues) {
            if (unit.length >= 2) {
                pairableUnits++;
                for (int k : unit) {
                    marginals[k]++;
                }
            }
        }
        if (pairableUnits < Coefficients.MIN_UNITS) {
            return OptionalDouble.empty();
        }
        long[] cumulative = new long[q + 1]; // for the ordinal metric: Σ_{g<k} n_g
        for (int k = 0; k < q; k++) {
            cumulative[k + 1] = cumulative[k] + marginals[k];
        }
        long n = cumulative[q];
        double observed = observedSum(unitValues, q, level, categoryValues, cumulative);
        // Krippendorff (2011): D_e = 1/(n(n-1)) Σ_c Σ_k n_c n_k δ²_ck; alpha = 1 - (n-1) Σ o δ² / Σ n_c n_k δ²
        double expected = 0;
        for (int c = 0; c < q; c++) {
            if (marginals[c] == 0) {
                continue;
            }
            for (int k = c + 1; k < q; k++) {
                if (marginals[k] != 0) {
                    expected += 2.0 * marginals[c] * marginals[k] * delta(level, c, k, categoryValues, cumulative);
                }
            }
        }
        if (expected == 0) {
            return OptionalDouble.empty(); // no variation among pairable values
        }
        return OptionalDouble.of(1.0 - (n - 1) * observed / expected);
    }

    /** Σ_c Σ_k o_ck δ²_ck with o_ck = Σ_u (number of c-k pairs in u) / (m_u - 1) (Krippendorff 2011). */
    private static double observedSum(int[][] unitValues, int q, Level level, double[] values, long[] cumulative) {
        int[] unitCounts = new int[q];
        int[] touched = new int[q];
        double observed = 0;
        for (int[] unit : unitValues) {
            int m = unit.length;
            if (m < 2) {
                continue;
            }
            int distinct = 0;
            for (int k : unit) {
                if (unitCounts[k]++ == 0) {
                    touched[distinct++] = k;
                }
            }
            double pairs = 0;
            for (int a = 0; a < distinct; a++) {
                for (int b = a + 1; b < distinct; b++) {
                    int c = touched[a];
                    int k = touched[b];
                    pairs += 2.0 * unitCounts[c] * unitCounts[k] * delta(level, c, k, values, cumulative);
                }
            }
            observed += pairs / (m - 1);
            for (int a = 0; a < distinct; a++) {
                unitCounts[touched[a]] = 0;
            }
        }
        return observed;
    }

    private static double delta(Level level, int c, int k, double[] values, long[] cumulative) {
        return switch (level) {
            // Krippendorff (2011): nominal δ² = 0 if c = k, else 1
            case NOMINAL -> c == k ? 0 : 1;
            // Krippendorff (2011): interval δ² = (c - k)²
            case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
            // Krippendorff (2011): ratio δ² = ((c - k) / (c + k))²
            case RATIO -> values[c] + values[k] == 0 ? 0
                    : ((values[c] - values[k]) / (values[c] + values[k]))
                            * ((values[c] - values[k]) / (values[c] + values[k]));
            case ORDINAL -> ordinalDelta(c, k, cumulative);
        };
    }

    // Krippendorff (2011): ordinal δ²_ck = (Σ_{g=c..k} n_g - (n_c + n_k)/2)², over categories in rank order
    private static double ordinalDelta(int c, int k, long[] cumulative) {
        int lo = Math.min(c, k);
        int hi = Math.max(c, k);
        long nLo = cumulative[lo + 1] - cumulative[lo];
        long nHi = cumulative[hi + 1] - cumulative[hi];
        double d = (cumulative[hi + 1] - cumulative[lo]) - (nLo + nHi) / 2.0;
        return d * d;
    }
}

package org.earmark.agreement.coefficient;

import java.util.OptionalDouble;
import org.earmark.agreement.RatingsTable;

/**
 * Gwet's AC1 for any number of coders, nominal data, missing values allowed, as in Gwet (2014) "Handbook of
 * Inter-Rater Reliability", 4th ed., ch. 4 (and Gwet 2008, BJMSP 61:29-48, for complete data). Equal to
 * irrCAC::gwet.ac1.raw. q is the number of distinct observed categories, as irrCAC uses by default.
 * DKPro 2.2.0 has no AC1 (it was added in a later release), hence hand-written.
 */
public final class GwetAc1 {

    private GwetAc1() {
    }

    /** Empty with fewer than two units rated by two or more coders, or a single category. */
    public static OptionalDouble compute(RatingsTable table) {
        int[][] values = new int[table.unitCount()][table.coderCount()];
        for (int u = 0; u < values.length; u++) {
            for (int c = 0; c < values[u].length; c++) {
                values[u][c] = table.category(u, c);
            }
        }
        return compute(values, table.categoryCount());
    }

    /**
     * The same from category indices: {@code values[unit]} holds each rating's category (0..q-1) or
     * {@link RatingsTable#MISSING}. AC1 depends only on how many ratings of each category a unit has,
     * so units may have different numbers of ratings and no coder identity is needed.
     */
    public static OptionalDouble compute(int[][] values, int q) {
        int[] counts = new int[q];
        double[] pi = new double[q];
        double paSum = 0;
        int ratedUnits = 0; // n: units with at least one rating
        int pairableUnits = 0; // n': units with at least two ratings
        for (int[] unit : values) {
            int r = 0;
            for (int k : unit) {
                if (k != RatingsTable.MISSING) {
                    counts[k]++;
                    r++;
                }
            }
            if (r >= 1) {
                ratedUnits++;
                double agreeing = 0;
                for (int k = 0; k < q; k++) {
                    // Gwet (2014) eq. 4.x: π_k = (1/n) Σ_i r_ik / r_i
                    pi[k] += (double) counts[k] / r;
                    agreeing += (double) counts[k] * (counts[k] - 1);
                }
                if (r >= 2) {
                    pairableUnits++;
                    // Gwet (2014): p_a = (1/n') Σ_{i: r_i >= 2} Σ_k r_ik (r_ik - 1) / (r_i (r_i - 1))
                    paSum += agreeing / ((double) r * (r - 1));
                }
            }
            java.util.Arrays.fill(counts, 0);
        }
        if (pairableUnits < Coefficients.MIN_UNITS || q < 2) {
            return OptionalDouble.empty();
        }
        double pa = paSum / pairableUnits;
        double spread = 0;
        for (int k = 0; k < q; k++) {
            double p = pi[k] / ratedUnits;
            spread += p * (1 - p);
        }
        // Gwet (2008) eq. 14 / Gwet (2014): p_e = Σ_k π_k (1 - π_k) / (q - 1); AC1 = (p_a - p_e) / (1 - p_e)
        double pe = spread / (q - 1);
        return OptionalDouble.of((pa - pe) / (1 - pe));
    }
}

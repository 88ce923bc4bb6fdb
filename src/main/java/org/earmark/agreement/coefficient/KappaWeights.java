package org.earmark.agreement.coefficient;

/**
 * Agreement weights for Cohen's kappa over q ordered categories, as integers scaled by (q-1)^p so sums stay
 * exact: w_ij = 1 - |i-j|^p / (q-1)^p (Cohen 1968; linear p = 1, quadratic p = 2; Fleiss, Cohen &amp; Everitt
 * 1969). The categories are the distinct observed values in numeric order, so the weight depends on rank
 * distance, exactly as irr::kappa2's "equal" and "squared" weights do for numerically sorted levels.
 */
public enum KappaWeights {
    /** Identity weights: plain Cohen (1960) kappa. */
    UNWEIGHTED,
    LINEAR,
    QUADRATIC;

    /** The weight of cell (i, j) multiplied by {@link #scale(int)}. */
    long scaledWeight(int i, int j, int q) {
        int d = Math.abs(i - j);
        return switch (this) {
            case UNWEIGHTED -> i == j ? 1 : 0;
            case LINEAR -> (q - 1) - d;
            case QUADRATIC -> (long) (q - 1) * (q - 1) - (long) d * d;
        };
    }

    /** The factor by which {@link #scaledWeight} exceeds the weight in [0, 1]. */
    long scale(int q) {
        return switch (this) {
            case UNWEIGHTED -> 1;
            case LINEAR -> q - 1;
            case QUADRATIC -> (long) (q - 1) * (q - 1);
        };
    }
}

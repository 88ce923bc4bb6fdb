package org.earmark.agreement.coefficient;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.FDistribution;
import org.earmark.agreement.RatingsTable;
import org.earmark.core.Preconditions;

/**
 * The six Shrout &amp; Fleiss (1979) intraclass correlations over the complete units of a numeric table, with
 * 95% confidence intervals from the F distribution exactly as R's psych::ICC computes them (psych 2.2.9).
 * Mean squares come from the two-way ANOVA, as in Shrout &amp; Fleiss and in psych::ICC(lmer = FALSE); psych's
 * default lmer = TRUE gives the same numbers unless a variance component estimate would be negative.
 * <p>
 * Where psych prints numbers that no interval can hold, a part is undefined (empty) instead, by three rules:
 * <ul>
 * <li>a sum of squares no larger than the rounding error of the ratings is zero (it is a difference of nearly
 * equal numbers, and dividing by it gave numbers like 1e31);</li>
 * <li>a bound is undefined when its F critical value is below 1: every bound formula gives the estimate itself
 * at F = 1, so a smaller critical value puts the bound on the wrong side of the estimate. This happens to
 * ICC(2,1) when the estimate is negative: Satterthwaite's (1946) df for a combination of mean squares with a
 * negative coefficient can collapse towards 0 (Gaylor &amp; Hopper 1969, Technometrics 11:691-706);</li>
 * <li>ICC(2,k) and its bounds are the Spearman-Brown step-up k r / (1 + (k - 1) r) of ICC(2,1)'s, which is
 * increasing only for r &gt; -1/(k - 1); at or below that pole it is undefined (psych prints values above 1,
 * or a lower bound above the upper one, there).</li>
 * </ul>
 */
public final class Icc {

    /** Two-sided confidence level of the bounds. */
    public static final double CONFIDENCE = 0.95;

    private Icc() {
    }

    /** The six ICCs, or empty with fewer than two coders, fewer than two complete units, or no variance. */
    public static Optional<Map<IccForm, IccEstimate>> compute(RatingsTable table) {
        Preconditions.checkArgument(table.isNumeric(), "ICC needs numeric ratings; this table holds labels");
        RatingsTable complete = table.completeUnits();
        int n = complete.unitCount();
        int k = complete.coderCount();
        if (n < Coefficients.MIN_UNITS || k < 2) {
            return Optional.empty();
        }
        double[][] x = new double[n][k];
        for (int u = 0; u < n; u++) {
            for (int c = 0; c < k; c++) {
                x[u][c] = complete.value(u, c);
            }
        }
        return compute(x);
    }

    /** The six ICCs of a complete n targets × k judges matrix. */
    public static Optional<Map<IccForm, IccEstimate>> compute(double[][] x) {
        int n = x.length;
        int k = x[0].length;
        double grand = 0;
        double largest = 0;
        for (double[] row : x) {
            for (double d : row) {
                largest = Math.max(largest, Math.abs(d));
            }
        }
        // Each deviation from a mean is off by up to a few ulps of the largest rating; n k such squared errors
        // bound what a sum of squares that is truly zero can come out as (64 ulps leaves room for the sums).
        double roundingError = n * (double) k * sq(64 * Math.ulp(largest));
        double[] rowMeans = new double[n];
        double[] colMeans = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                rowMeans[i] += x[i][j];
                colMeans[j] += x[i][j];
                grand += x[i][j];
            }
        }
        grand /= (double) n * k;
        for (int i = 0; i < n; i++) {
            rowMeans[i] /= k;
        }
        for (int j = 0; j < k; j++) {
            colMeans[j] /= n;
        }
        double ssRows = 0;
        double ssCols = 0;
        double ssError = 0;
        double ssTotal = 0;
        for (int i = 0; i < n; i++) {
            ssRows += k * (rowMeans[i] - grand) * (rowMeans[i] - grand);
        }
        for (int j = 0; j < k; j++) {
            ssCols += n * (colMeans[j] - grand) * (colMeans[j] - grand);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double residual = x[i][j] - rowMeans[i] - colMeans[j] + grand;
                ssError += residual * residual;
                ssTotal += (x[i][j] - grand) * (x[i][j] - grand);
            }
        }
        if (ssTotal <= roundingError) {
            return Optional.empty(); // every rating identical: every ICC is 0/0
        }
        ssRows = zeroIfRounding(ssRows, roundingError);
        ssCols = zeroIfRounding(ssCols, roundingError);
        ssError = zeroIfRounding(ssError, roundingError);
        // Shrout & Fleiss (1979) Table 1: BMS, WMS (one-way), JMS, EMS (two-way)
        double msb = ssRows / (n - 1);
        double msw = (ssCols + ssError) / (n * (k - 1.0));
        double msj = ssCols / (k - 1);
        double mse = ssError / ((n - 1.0) * (k - 1));
        return Optional.of(estimates(n, k, msb, msw, msj, mse));
    }

    private static Map<IccForm, IccEstimate> estimates(int n, int k, double msb, double msw, double msj, double mse) {
        double alpha = 1 - CONFIDENCE;
        // Shrout & Fleiss (1979) eqs. 2-4 and their mean-of-k forms (as psych::ICC)
        double icc1 = (msb - msw) / (msb + (k - 1) * msw);
        double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        double icc3 = (msb - mse) / (msb + (k - 1) * mse);
        double icc1k = (msb - msw) / msb;
        double icc2k = stepUp(icc2, k); // = (msb - mse) / (msb + (msj - mse) / n) where that denominator is > 0
        double icc3k = (msb - mse) / msb;

        // psych::ICC: F11 = MSB/MSW on (n-1, n(k-1)) df; F21 = MSB/MSE on (n-1, (n-1)(k-1)) df
        double df11n = n - 1;
        double df11d = n * (k - 1.0);
        double df21n = n - 1;
        double df21d = (n - 1.0) * (k - 1);
        double f11 = msb / msw;
        double f21 = msb / mse;
        double f1L = f11 / upperQuantile(alpha, df11n, df11d);
        double f1U = f11 * upperQuantile(alpha, df11d, df11n);
        double f3L = f21 / upperQuantile(alpha, df21n, df21d);
        double f3U = f21 * upperQuantile(alpha, df21d, df21n);

        // psych::ICC (after Shrout & Fleiss 1979 eqs. 6-8): Satterthwaite df v for ICC(2,1)'s bounds
        double fj = msj / mse;
        double vn = (k - 1) * (n - 1) * sq(k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2);
        double vd = (n - 1) * (double) k * k * icc2 * icc2 * fj * fj + sq(n * (1 + (k - 1) * icc2) - k * icc2);
        double v = vn / vd;
        double f2U = upperQuantile(alpha, n - 1, v);
        double f2L = upperQuantile(alpha, v, n - 1);
        double l2 = n * (msb - f2U * mse) / (f2U * (k * msj + (k * n - k - n) * mse) + n * msb);
        double u2 = n * (f2L * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2L * msb);

        Map<IccForm, IccEstimate> result = new EnumMap<>(IccForm.class);
        result.put(IccForm.ICC1, IccEstimate.of(IccForm.ICC1, icc1, (f1L - 1) / (f1L + (k - 1)),
                (f1U - 1) / (f1U + k - 1)));
        result.put(IccForm.ICC2, IccEstimate.of(IccForm.ICC2, icc2, l2, u2));
        result.put(IccForm.ICC3, IccEstimate.of(IccForm.ICC3, icc3, (f3L - 1) / (f3L + k - 1),
                (f3U - 1) / (f3U + k - 1)));
        result.put(IccForm.ICC1k, IccEstimate.of(IccForm.ICC1k, icc1k, 1 - 1 / f1L, 1 - 1 / f1U));
        // Spearman-Brown step-up of ICC(2,1)'s bounds, as psych::ICC
        // with ICC(2,1) at or below the pole, the step-up of its interval is no interval: no bounds either
        boolean stepsUp = Double.isFinite(icc2k);
        result.put(IccForm.ICC2k, IccEstimate.of(IccForm.ICC2k, icc2k, stepsUp ? stepUp(l2, k) : Double.NaN,
                stepsUp ? stepUp(u2, k) : Double.NaN));
        result.put(IccForm.ICC3k, IccEstimate.of(IccForm.ICC3k, icc3k, 1 - 1 / f3L, 1 - 1 / f3U));
        return result;
    }

    /**
     * R's qf(1 - alpha/2, df1, df2) as a critical value, or NaN where it cannot serve as one: undefined df, or a
     * value below 1, which would put the bound on the wrong side of its estimate (see the class comment).
     */
    private static double upperQuantile(double alpha, double df1, double df2) {
        if (!(df1 > 0 && df2 > 0) || !Double.isFinite(df1) || !Double.isFinite(df2)) {
            return Double.NaN;
        }
        double q = FDistribution.of(df1, df2).inverseSurvivalProbability(alpha / 2);
        return q >= 1 ? q : Double.NaN;
    }

    /**
     * Spearman-Brown step-up k r / (1 + (k - 1) r) (Spearman 1910; Brown 1910), or NaN at and below its pole
     * r = -1/(k - 1), and within rounding error above it, where the quotient is only rounding noise blown up.
     */
    static double stepUp(double r, int k) {
        double denominator = 1 + (k - 1) * r;
        if (!(denominator > 1e-9)) {
            return Double.NaN;
        }
        return k * r / denominator;
    }

    private static double zeroIfRounding(double sumOfSquares, double roundingError) {
        return sumOfSquares <= roundingError ? 0 : sumOfSquares;
    }

    private static double sq(double d) {
        return d * d;
    }
}

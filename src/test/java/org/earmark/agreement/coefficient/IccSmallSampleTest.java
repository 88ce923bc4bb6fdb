package org.earmark.agreement.coefficient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ICCs of two recordings coded by two coders, where psych::ICC prints bounds no interval can hold. Where a
 * part is reported it equals psych 2.2.9's ICC(m, lmer = FALSE) on R 4.2.2 (numbers below as R printed them);
 * where psych's number breaks an interval (a bound on the wrong side of the estimate, an ICC above 1, a
 * quotient of rounding noise) it is undefined here, by the rules in {@link Icc}'s class comment.
 */
class IccSmallSampleTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void satterthwaiteDfCollapseLeavesIcc21BoundsUndefined() {
        // Nearly equal recording means: ICC(2,1) = -0.902, Satterthwaite v ~ 1e-8. psych: ICC2 CI [NaN, -0.9025]
        // (upper below the estimate) and ICC2k -18.47 with upper bound -18.51 (below it too).
        Map<IccForm, IccEstimate> icc = coherent(new double[][] {{6.96, 3.06}, {5.04, 4.94}});
        check(icc.get(IccForm.ICC2), -0.902309769023098, null, null);
        check(icc.get(IccForm.ICC2k), -18.472876151484208, null, null);
        // the exact F bounds are unaffected and equal psych's
        check(icc.get(IccForm.ICC1), -0.999789772428654, -0.999994539882084, -0.844937936384809);
        check(icc.get(IccForm.ICC3), -0.999778417903833, -0.999999657903104, -0.866059517951005);
        check(icc.get(IccForm.ICC1k), -9511.500000000927685, -366290.455696238, -10.898061288306369);
        check(icc.get(IccForm.ICC3k), -9024.000000000882210, -5846294.82858811, -12.932005390785420);
    }

    @Test
    void icc21LowerBoundBelowPoleLeavesIcc2kLowerBoundUndefined() {
        // psych: ICC2 [-4.984, 0.999]; its step-up ICC2k [2.502, 0.9995], lower above upper and above the
        // estimate 0.576, because -4.984 < -1/(k-1) = -1, where Spearman-Brown turns over.
        Map<IccForm, IccEstimate> icc = coherent(new double[][] {{7.31, 4.1}, {2.08, 3.33}});
        check(icc.get(IccForm.ICC2), 0.404311071844504, -4.984067460879568, 0.999035172982250);
        check(icc.get(IccForm.ICC2k), 0.575814119749776, null, 0.999517353656009);
        check(icc.get(IccForm.ICC1), 0.504180367939231, -0.853937363349390, 0.999175755019994);
        check(icc.get(IccForm.ICC3), 0.288207888126301, -0.994427917329391, 0.998295514333773);
        check(icc.get(IccForm.ICC1k), 0.670372222222222, -11.692755696202525, 0.999587707595025);
        check(icc.get(IccForm.ICC3k), 0.447455555555555, -356.932219464241371, 0.999147030229513);
    }

    @Test
    void icc21BelowPoleLeavesIcc2kUndefined() {
        // psych: ICC2 -4 [-9, 0.967], ICC2k 2.667 [2.25, 0.983]: an ICC above 1, lower above upper
        Map<IccForm, IccEstimate> icc = coherent(new double[][] {{1, 3}, {2, 1}});
        check(icc.get(IccForm.ICC2), -3.999999999999998, -8.999999999951983, 0.966828062993071);
        check(icc.get(IccForm.ICC2k), null, null, null);
        check(icc.get(IccForm.ICC1), -0.666666666666667, -0.989665772777814, 0.987569919204475);
        check(icc.get(IccForm.ICC3k), -8.000000000000004, -5829.101103300598879, 0.986106587421933);
    }

    @Test
    void negativeIcc21WithACoherentIntervalKeepsPsychsBounds() {
        Map<IccForm, IccEstimate> icc = coherent(new double[][] {{3.1, 2.0}, {2.5, 2.9}});
        check(icc.get(IccForm.ICC2), -3.724137931034483, -4.59183673469387, -0.141793611709379);
        // psych: ICC2k 2.734 [2.557, -0.330]
        check(icc.get(IccForm.ICC2k), null, null, null);
    }

    @Test
    void betweenRecordingSumOfSquaresOfRoundingNoiseIsZero() {
        // Both recordings average 1.65 exactly, but in binary the row sum of squares comes out ~1e-31, and
        // psych (R's arithmetic gives the same noise for {{1, 2}, {2, 1}}) prints ICC1k -1.01e31, ICC3k
        // -2.03e31, ICC2k 2. With the sum of squares zero: ICC1 = ICC3 = -1 exactly, the rest undefined.
        for (double[][] m : new double[][][] {{{1.1, 2.2}, {2.2, 1.1}}, {{1, 2}, {2, 1}}}) {
            Map<IccForm, IccEstimate> icc = coherent(m);
            check(icc.get(IccForm.ICC1), -1.0, -1.0, -1.0);
            check(icc.get(IccForm.ICC3), -1.0, -1.0, -1.0);
            for (IccForm form : new IccForm[] {IccForm.ICC2, IccForm.ICC1k, IccForm.ICC2k, IccForm.ICC3k}) {
                check(icc.get(form), null, null, null);
            }
        }
    }

    @Test
    void seededTwoByTwoTablesNeverGiveAnIncoherentInterval() {
        Random random = new Random(20261123);
        for (int t = 0; t < 5000; t++) {
            double[][] m = new double[2][2];
            for (double[] row : m) {
                for (int c = 0; c < 2; c++) {
                    row[c] = Math.round(random.nextDouble() * 1000) / 100.0;
                }
            }
            if (random.nextBoolean()) { // recording means nearly equal: the case that broke Satterthwaite's df
                m[1][1] = Math.round((m[0][0] + m[0][1] - m[1][0] + random.nextInt(5) / 10.0) * 100) / 100.0;
            }
            coherent(m);
        }
    }

    /** Asserts every form is an interval around its estimate, or undefined, and returns the ICCs. */
    private static Map<IccForm, IccEstimate> coherent(double[][] m) {
        Map<IccForm, IccEstimate> icc = Icc.compute(m).orElseThrow();
        String where = Arrays.deepToString(m);
        for (IccEstimate e : icc.values()) {
            String what = where + " " + e;
            if (e.value().isEmpty()) {
                assertFalse(e.lowerBound().isPresent() || e.upperBound().isPresent(), "bound without estimate " + what);
                continue;
            }
            double v = e.value().getAsDouble();
            assertTrue(v <= 1 + 1e-12, "ICC above 1: " + what);
            e.lowerBound().ifPresent(l -> assertTrue(l <= v + 1e-12, "lower bound above the estimate: " + what));
            e.upperBound().ifPresent(u -> assertTrue(u >= v - 1e-12 && u <= 1 + 1e-12,
                    "upper bound below the estimate or above 1: " + what));
        }
        return icc;
    }

    private static void check(IccEstimate e, Double value, Double lower, Double upper) {
        part(e + " estimate", value, e.value());
        part(e + " lower bound", lower, e.lowerBound());
        part(e + " upper bound", upper, e.upperBound());
    }

    private static void part(String what, Double expected, OptionalDouble actual) {
        if (expected == null) {
            assertFalse(actual.isPresent(), what + " should be undefined");
        } else {
            assertTrue(actual.isPresent(), what + " missing");
            assertEquals(expected, actual.getAsDouble(), TOLERANCE * Math.max(1, Math.abs(expected)), what);
        }
    }
}

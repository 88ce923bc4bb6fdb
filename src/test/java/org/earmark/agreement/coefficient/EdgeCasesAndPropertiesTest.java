package org.earmark.agreement.coefficient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.Reliability;
import org.earmark.agreement.ReliabilityReport;
import org.earmark.agreement.Tables;
import org.junit.jupiter.api.Test;

class EdgeCasesAndPropertiesTest {

    @Test
    void allAgreeOnSeveralCategories() {
        RatingsTable t = RatingsTable.ofNumbers(new Double[][] {{1d, 1d, 1d}, {2d, 2d, 2d}, {3d, 3d, 3d}});
        ReliabilityReport nominal = Reliability.report(t, Level.NOMINAL);
        assertEquals(1.0, nominal.percentAgreement().getAsDouble());
        assertEquals(1.0, nominal.fleissKappa().getAsDouble(), 1e-15);
        assertEquals(1.0, nominal.krippendorffAlpha().getAsDouble(), 1e-15);
        assertEquals(1.0, nominal.gwetAc1().getAsDouble(), 1e-15);
        ReliabilityReport interval = Reliability.report(t, Level.INTERVAL);
        assertEquals(1.0, interval.krippendorffAlpha().getAsDouble(), 1e-15);
        assertEquals(1.0, interval.icc().orElseThrow().get(IccForm.ICC1).value().getAsDouble(), 1e-15);
        RatingsTable two = RatingsTable.ofNumbers(new Double[][] {{1d, 1d}, {2d, 2d}, {5d, 5d}});
        ReliabilityReport r = Reliability.report(two, Level.ORDINAL);
        assertEquals(1.0, r.cohenKappa().getAsDouble(), 1e-15);
        assertEquals(1.0, r.cohenKappaLinear().getAsDouble(), 1e-15);
        assertEquals(1.0, r.cohenKappaQuadratic().getAsDouble(), 1e-15);
    }

    @Test
    void singleCategoryIsUndefinedNotANumber() {
        RatingsTable t = RatingsTable.ofLabels(new String[][] {{"x", "x"}, {"x", "x"}, {"x", "x"}});
        ReliabilityReport r = Reliability.report(t, Level.NOMINAL);
        assertEquals(1.0, r.percentAgreement().getAsDouble()); // a share, well defined
        assertFalse(r.cohenKappa().isPresent());
        assertFalse(r.fleissKappa().isPresent());
        assertFalse(r.krippendorffAlpha().isPresent());
        assertFalse(r.gwetAc1().isPresent());
        RatingsTable same = RatingsTable.ofNumbers(new Double[][] {{4d, 4d}, {4d, 4d}});
        ReliabilityReport metric = Reliability.report(same, Level.INTERVAL);
        assertFalse(metric.icc().isPresent());
        assertFalse(metric.cohenKappaQuadratic().isPresent());
    }

    @Test
    void fewerThanTwoCompleteUnits() {
        RatingsTable t = RatingsTable.ofNumbers(new Double[][] {{1d, 2d}, {3d, null}, {null, 4d}});
        ReliabilityReport r = Reliability.report(t, Level.INTERVAL);
        assertEquals(0.0, r.percentAgreement().getAsDouble());
        assertFalse(r.cohenKappa().isPresent());
        assertFalse(r.icc().isPresent());
        assertFalse(r.krippendorffAlpha().isPresent()); // one pairable unit
    }

    @Test
    void unitsCodedByOneCoderAreNotPairable() {
        // Krippendorff (2011): unit 12 of the example (one value) does not change alpha
        Double[][] without = java.util.Arrays.copyOf(Tables.KRIPPENDORFF_2011, 11);
        for (Level level : Level.values()) {
            assertEquals(KrippendorffAlpha.compute(RatingsTable.ofNumbers(without), level).getAsDouble(),
                    KrippendorffAlpha.compute(RatingsTable.ofNumbers(Tables.KRIPPENDORFF_2011), level).getAsDouble(),
                    1e-15, level.name());
        }
        // and Cohen's kappa drops units with a missing value
        RatingsTable t = RatingsTable.ofLabels(new String[][] {{"a", "a"}, {"b", "b"}, {"a", "b"}, {"a", null}});
        RatingsTable complete = RatingsTable.ofLabels(new String[][] {{"a", "a"}, {"b", "b"}, {"a", "b"}});
        assertEquals(CohenKappa.compute(complete, KappaWeights.UNWEIGHTED),
                CohenKappa.compute(t, KappaWeights.UNWEIGHTED));
    }

    @Test
    void notApplicableByLevelAndCoders() {
        RatingsTable three = RatingsTable.ofNumbers(new Double[][] {{1d, 2d, 3d}, {2d, 2d, 3d}, {1d, 1d, 1d}});
        ReliabilityReport r = Reliability.report(three, Level.ORDINAL);
        assertFalse(r.cohenKappa().isPresent());
        assertFalse(r.fleissKappa().isPresent()); // nominal only
        assertFalse(r.gwetAc1().isPresent()); // nominal only
        assertFalse(r.icc().isPresent()); // interval and ratio only
        assertTrue(r.krippendorffAlpha().isPresent());
    }

    @Test
    void weightsUseNumericOrderOfObservedValues() {
        // values 2, 10, 30: ranks 1, 2, 3 whatever their text order
        RatingsTable t = RatingsTable.ofNumbers(new Double[][] {{2d, 10d}, {10d, 10d}, {30d, 10d}, {2d, 2d},
            {30d, 30d}});
        RatingsTable ranks = RatingsTable.ofNumbers(new Double[][] {{1d, 2d}, {2d, 2d}, {3d, 2d}, {1d, 1d},
            {3d, 3d}});
        assertEquals(CohenKappa.compute(ranks, KappaWeights.LINEAR), CohenKappa.compute(t, KappaWeights.LINEAR));
        // by hand: p_o(w) = (3 + 0.5·2)/5 = 0.8; rows (2,1,2), cols (1,3,1): p_c(w) = (5 + 4 + 5)/25 = 0.56;
        // kappa = (0.8 - 0.56)/(1 - 0.56)
        assertEquals(0.24 / 0.44, CohenKappa.compute(t, KappaWeights.LINEAR).getAsDouble(), 1e-12);
    }

    @Test
    void permutingCodersAndUnitsChangesNothing() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int units = 8 + random.nextInt(20);
            int coders = 2 + random.nextInt(4);
            Double[][] m = new Double[units][coders];
            for (int u = 0; u < units; u++) {
                for (int c = 0; c < coders; c++) {
                    m[u][c] = random.nextDouble() < 0.15 ? null : (double) (1 + random.nextInt(5));
                }
            }
            List<Integer> unitOrder = shuffled(units, random);
            List<Integer> coderOrder = shuffled(coders, random);
            Double[][] p = new Double[units][coders];
            for (int u = 0; u < units; u++) {
                for (int c = 0; c < coders; c++) {
                    p[u][c] = m[unitOrder.get(u)][coderOrder.get(c)];
                }
            }
            for (Level level : Level.values()) {
                ReliabilityReport a = Reliability.report(RatingsTable.ofNumbers(m), level);
                ReliabilityReport b = Reliability.report(RatingsTable.ofNumbers(p), level);
                assertClose(a.percentAgreement(), b.percentAgreement());
                assertClose(a.cohenKappa(), b.cohenKappa());
                assertClose(a.cohenKappaLinear(), b.cohenKappaLinear());
                assertClose(a.cohenKappaQuadratic(), b.cohenKappaQuadratic());
                assertClose(a.fleissKappa(), b.fleissKappa());
                assertClose(a.krippendorffAlpha(), b.krippendorffAlpha());
                assertClose(a.gwetAc1(), b.gwetAc1());
                assertEquals(a.icc().isPresent(), b.icc().isPresent());
                if (a.icc().isPresent()) {
                    for (IccForm f : IccForm.values()) {
                        assertClose(a.icc().get().get(f).value(), b.icc().get().get(f).value());
                        assertClose(a.icc().get().get(f).lowerBound(), b.icc().get().get(f).lowerBound());
                    }
                }
            }
        }
    }

    private static List<Integer> shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private static void assertClose(java.util.OptionalDouble x, java.util.OptionalDouble y) {
        assertEquals(x.isPresent(), y.isPresent());
        if (x.isPresent()) {
            assertEquals(x.getAsDouble(), y.getAsDouble(), 1e-12);
        }
    }
}

package org.earmark.agreement.coefficient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.RatioDistanceFunction;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.Tables;
import org.junit.jupiter.api.Test;

/**
 * Where DKPro Statistics Agreement 2.2.0 gives the same numbers as our hand-written coefficients, and where
 * it does not (which is why those are hand-written; see the class comments of KrippendorffAlpha and CohenKappa).
 */
class DkproCrossCheckTest {

    @Test
    void sameNumbersOnKrippendorff2011IntegerData() {
        RatingsTable t = RatingsTable.ofNumbers(Tables.KRIPPENDORFF_2011);
        CodingAnnotationStudy study = study(Tables.KRIPPENDORFF_2011, false);
        assertEquals(alpha(study, new NominalDistanceFunction()), KrippendorffAlpha.compute(t, Level.NOMINAL)
                .getAsDouble(), 1e-12);
        assertEquals(alpha(study, new OrdinalDistanceFunction()), KrippendorffAlpha.compute(t, Level.ORDINAL)
                .getAsDouble(), 1e-12);
        assertEquals(alpha(study, new IntervalDistanceFunction()), KrippendorffAlpha.compute(t, Level.INTERVAL)
                .getAsDouble(), 1e-12);
        assertEquals(alpha(study, new RatioDistanceFunction()), KrippendorffAlpha.compute(t, Level.RATIO)
                .getAsDouble(), 1e-12);
    }

    @Test
    void dkproOrdinalMetricFallsBackToNominalForNonIntegers() {
        // the same ranks as Krippendorff (2011) but as halves (0.5, 1.0, ...): ordinal alpha depends only on
        // order, so it must not change; DKPro 2.2.0's OrdinalDistanceFunction treats Doubles as nominal.
        Double[][] halves = new Double[12][4];
        for (int u = 0; u < 12; u++) {
            for (int c = 0; c < 4; c++) {
                Double v = Tables.KRIPPENDORFF_2011[u][c];
                halves[u][c] = v == null ? null : v / 2;
            }
        }
        double ours = KrippendorffAlpha.compute(RatingsTable.ofNumbers(halves), Level.ORDINAL).getAsDouble();
        assertEquals(0.815, ours, 0.0005);
        double dkpro = alpha(study(halves, true), new OrdinalDistanceFunction());
        assertEquals(0.743, dkpro, 0.0005); // the nominal value
        assertNotEquals(ours, dkpro, 0.01);
    }

    @Test
    void cohenKappaSameNumbers() {
        Double[][] twoCoders = {{1d, 1d}, {1d, 2d}, {2d, 2d}, {3d, 2d}, {3d, 3d}, {1d, 1d}, {2d, 3d}, {3d, 3d}};
        CohenKappaAgreement dkpro = new CohenKappaAgreement(study(twoCoders, false));
        assertEquals(dkpro.calculateAgreement(),
                CohenKappa.compute(RatingsTable.ofNumbers(twoCoders), KappaWeights.UNWEIGHTED).getAsDouble(), 1e-12);
    }

    private static double alpha(CodingAnnotationStudy study, IDistanceFunction distance) {
        return new KrippendorffAlphaAgreement(study, distance).calculateAgreement();
    }

    private static CodingAnnotationStudy study(Double[][] unitsByCoders, boolean asDouble) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(unitsByCoders[0].length);
        for (Double[] unit : unitsByCoders) {
            Object[] values = new Object[unit.length];
            for (int c = 0; c < unit.length; c++) {
                values[c] = unit[c] == null ? null : asDouble ? (Object) unit[c] : (Object) unit[c].intValue();
            }
            study.addItemAsArray(values);
        }
        return study;
    }
}

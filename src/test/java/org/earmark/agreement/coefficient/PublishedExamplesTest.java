package org.earmark.agreement.coefficient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.Tables;
import org.junit.jupiter.api.Test;

/** Every published worked example we could find, asserted at its published precision. */
class PublishedExamplesTest {

    private static final RatingsTable K2011 = RatingsTable.ofNumbers(Tables.KRIPPENDORFF_2011);

    @Test
    void krippendorff2011FourLevels() {
        // Krippendorff (2011), section C: nominal .743, ordinal .815, interval .849, ratio .797
        assertEquals(0.743, KrippendorffAlpha.compute(K2011, Level.NOMINAL).getAsDouble(), 0.0005);
        assertEquals(0.815, KrippendorffAlpha.compute(K2011, Level.ORDINAL).getAsDouble(), 0.0005);
        assertEquals(0.849, KrippendorffAlpha.compute(K2011, Level.INTERVAL).getAsDouble(), 0.0005);
        assertEquals(0.797, KrippendorffAlpha.compute(K2011, Level.RATIO).getAsDouble(), 0.0005);
        // irr 0.84.1 kripp.alpha is right on these (they have missing values): 0.7434211, 0.8153875, 0.8491071,
        // 0.7974028 as printed by R
        assertEquals(0.7434211, KrippendorffAlpha.compute(K2011, Level.NOMINAL).getAsDouble(), 1e-7);
        assertEquals(0.8153875, KrippendorffAlpha.compute(K2011, Level.ORDINAL).getAsDouble(), 1e-7);
        assertEquals(0.8491071, KrippendorffAlpha.compute(K2011, Level.INTERVAL).getAsDouble(), 1e-7);
        assertEquals(0.7974028, KrippendorffAlpha.compute(K2011, Level.RATIO).getAsDouble(), 1e-7);
    }

    @Test
    void krippendorff2011NominalAsLabels() {
        String[][] labels = new String[12][4];
        for (int u = 0; u < 12; u++) {
            for (int c = 0; c < 4; c++) {
                Double v = Tables.KRIPPENDORFF_2011[u][c];
                labels[u][c] = v == null ? null : "cat" + v.intValue();
            }
        }
        assertEquals(0.743, KrippendorffAlpha.compute(RatingsTable.ofLabels(labels), Level.NOMINAL).getAsDouble(),
                0.0005);
    }

    @Test
    void shroutFleiss1979SixIccs() {
        Map<IccForm, IccEstimate> icc = Icc.compute(RatingsTable.ofNumbers(Tables.SHROUT_FLEISS_1979)).orElseThrow();
        // Shrout & Fleiss (1979), the six ICCs of their Table 2 data: .17 .29 .71 .44 .62 .91
        assertEquals(0.17, icc.get(IccForm.ICC1).value().getAsDouble(), 0.005);
        assertEquals(0.29, icc.get(IccForm.ICC2).value().getAsDouble(), 0.005);
        assertEquals(0.71, icc.get(IccForm.ICC3).value().getAsDouble(), 0.005);
        assertEquals(0.44, icc.get(IccForm.ICC1k).value().getAsDouble(), 0.005);
        assertEquals(0.62, icc.get(IccForm.ICC2k).value().getAsDouble(), 0.005);
        assertEquals(0.91, icc.get(IccForm.ICC3k).value().getAsDouble(), 0.005);
        // psych::ICC(sf, lmer = FALSE) 95% bounds, as in psych's help page for these data
        assertEquals(-0.132932324874751, icc.get(IccForm.ICC1).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.722560062328121, icc.get(IccForm.ICC1).upperBound().getAsDouble(), 1e-9);
        assertEquals(0.018786513374712, icc.get(IccForm.ICC2).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.761084369648953, icc.get(IccForm.ICC2).upperBound().getAsDouble(), 1e-9);
        assertEquals(0.342464765033925, icc.get(IccForm.ICC3).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.94585825995536, icc.get(IccForm.ICC3).upperBound().getAsDouble(), 1e-9);
        assertEquals(-0.884442155238119, icc.get(IccForm.ICC1k).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.912415420340776, icc.get(IccForm.ICC1k).upperBound().getAsDouble(), 1e-9);
        assertEquals(0.0711368153025035, icc.get(IccForm.ICC2k).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.927232040167722, icc.get(IccForm.ICC2k).upperBound().getAsDouble(), 1e-9);
        assertEquals(0.675674713816305, icc.get(IccForm.ICC3k).lowerBound().getAsDouble(), 1e-9);
        assertEquals(0.985891678169062, icc.get(IccForm.ICC3k).upperBound().getAsDouble(), 1e-9);
    }

    @Test
    void fleiss1971PsychiatricDiagnoses() {
        // Fleiss (1971) Table 1: 30 patients, 6 psychiatrists, 5 diagnoses; kappa = .430
        RatingsTable dx = Tables.resource("r/fleiss1971.csv", Level.NOMINAL);
        assertEquals(30, dx.unitCount());
        assertEquals(6, dx.coderCount());
        assertEquals(0.430, FleissKappa.compute(dx).getAsDouble(), 0.0005);
    }

    @Test
    void cohen1960Example() {
        // Cohen (1960) p. 45: 200 units, p_o = .70, p_c = .41, kappa = .492
        RatingsTable t = Tables.fromContingency(new String[] {"1", "2", "3"},
                new int[][] {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}});
        assertEquals(0.492, CohenKappa.compute(t, KappaWeights.UNWEIGHTED).getAsDouble(), 0.0005);
        assertEquals(0.70, PercentAgreement.compute(t).getAsDouble(), 1e-12);
    }

    @Test
    void landisKoch1977PathologistsAsInAgresti() {
        // Agresti (1992) p. 202 (from Landis & Koch 1977): kappa = .493
        RatingsTable t = Tables.fromContingency(new String[] {"1", "2", "3", "4"},
                new int[][] {{22, 2, 2, 0}, {5, 7, 14, 0}, {0, 2, 36, 0}, {0, 1, 17, 10}});
        assertEquals(0.493, CohenKappa.compute(t, KappaWeights.UNWEIGHTED).getAsDouble(), 0.0005);
    }

    @Test
    void gwet2014FourRatersWithMissingValues() {
        // Gwet (2014) Handbook, 4 raters x 12 subjects with missing ratings (irrCAC's cac.raw4raters, which
        // are Krippendorff's 2011 data): AC1 = 0.7754, p_a = 0.8182, as printed by Gwet's irrCAC
        assertEquals(0.7754, GwetAc1.compute(K2011).getAsDouble(), 0.00005);
        assertEquals(0.775444068126995, GwetAc1.compute(K2011).getAsDouble(), 1e-9);
    }

    @Test
    void gwet2014ThreeByThreeAbstractors() {
        // Gwet (2014) Handbook, 2 abstractors x 100 pregnancies, 3 categories (irrCAC's cont3x3abstractors):
        // AC1 = 0.8493, Cohen's kappa = 0.7964
        RatingsTable t = Tables.fromContingency(new String[] {"Ectopic", "AIU", "NIU"},
                new int[][] {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}});
        assertEquals(0.8493, GwetAc1.compute(t).getAsDouble(), 0.00005);
        assertEquals(0.7964, CohenKappa.compute(t, KappaWeights.UNWEIGHTED).getAsDouble(), 0.00005);
    }
}

package org.earmark.agreement.coefficient;

import java.util.OptionalDouble;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.earmark.agreement.RatingsTable;

/**
 * Fleiss' (1971) kappa over the complete units, computed by DKPro Statistics' FleissKappaAgreement, which
 * reproduces Fleiss (1971) and irr::kappam.fleiss (see FleissKappaTest). The undefined cases are decided
 * here, before DKPro would throw or divide by zero.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    /** Empty with fewer than two coders, fewer than two complete units, or a single category. */
    public static OptionalDouble compute(RatingsTable table) {
        RatingsTable complete = table.completeUnits();
        if (complete.coderCount() < 2 || complete.unitCount() < Coefficients.MIN_UNITS
                || complete.categoryCount() < 2) {
            return OptionalDouble.empty();
        }
        CodingAnnotationStudy study = new CodingAnnotationStudy(complete.coderCount());
        Object[] ratings = new Object[complete.coderCount()];
        for (int u = 0; u < complete.unitCount(); u++) {
            for (int c = 0; c < ratings.length; c++) {
                ratings[c] = complete.category(u, c);
            }
            study.addItemAsArray(ratings.clone());
        }
        return OptionalDouble.of(new FleissKappaAgreement(study).calculateAgreement());
    }
}

package org.earmark.agreement;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;

/**
 * Every standard coefficient for one ratings table (what {@code earmark reliability} prints). An empty value
 * means the coefficient does not apply at this level or coder count, or is undefined for these data.
 *
 * @param units number of distinct units in the table (rated or not)
 * @param coders number of distinct coders
 * @param percentAgreement share (0..1) of complete units on which all coders agree
 * @param cohenKappa unweighted; exactly two coders, complete units
 * @param cohenKappaLinear linear weights over the ranks of the observed values; two coders, numeric levels
 * @param cohenKappaQuadratic quadratic weights, likewise
 * @param fleissKappa nominal level, complete units
 * @param krippendorffAlpha at the table's level; all pairable values
 * @param gwetAc1 nominal level, complete units
 * @param icc the six Shrout &amp; Fleiss forms; interval and ratio levels, complete units
 */
public record ReliabilityReport(int units, int coders, Level level, OptionalDouble percentAgreement,
        OptionalDouble cohenKappa, OptionalDouble cohenKappaLinear, OptionalDouble cohenKappaQuadratic,
        OptionalDouble fleissKappa, OptionalDouble krippendorffAlpha, OptionalDouble gwetAc1,
        Optional<Map<IccForm, IccEstimate>> icc) {

    public ReliabilityReport {
        icc = icc.map(Map::copyOf);
    }
}

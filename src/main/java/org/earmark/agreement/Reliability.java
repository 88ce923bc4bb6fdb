package org.earmark.agreement;

import java.util.Optional;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.CohenKappa;
import org.earmark.agreement.coefficient.FleissKappa;
import org.earmark.agreement.coefficient.GwetAc1;
import org.earmark.agreement.coefficient.Icc;
import org.earmark.agreement.coefficient.KappaWeights;
import org.earmark.agreement.coefficient.KrippendorffAlpha;
import org.earmark.agreement.coefficient.PercentAgreement;
import org.earmark.core.Preconditions;

/** Computes the {@link ReliabilityReport} of a ratings table: which coefficient applies at which level. */
public final class Reliability {

    private Reliability() {
    }

    /** The report for a table read at {@code level}; numeric levels need a numeric table. */
    public static ReliabilityReport report(RatingsTable table, Level level) {
        Preconditions.checkArgument(level == Level.NOMINAL || table.isNumeric(),
                "level %s needs numeric ratings; this table holds labels", level.cliName());
        boolean twoCoders = table.coderCount() == 2;
        boolean nominal = level == Level.NOMINAL;
        boolean metric = level == Level.INTERVAL || level == Level.RATIO;
        OptionalDouble none = OptionalDouble.empty();
        return new ReliabilityReport(
                table.unitCount(),
                table.coderCount(),
                level,
                PercentAgreement.compute(table),
                twoCoders ? CohenKappa.compute(table, KappaWeights.UNWEIGHTED) : none,
                twoCoders && !nominal ? CohenKappa.compute(table, KappaWeights.LINEAR) : none,
                twoCoders && !nominal ? CohenKappa.compute(table, KappaWeights.QUADRATIC) : none,
                nominal ? FleissKappa.compute(table) : none,
                KrippendorffAlpha.compute(table, level),
                nominal ? GwetAc1.compute(table.completeUnits()) : none,
                metric ? Icc.compute(table) : Optional.empty());
    }
}

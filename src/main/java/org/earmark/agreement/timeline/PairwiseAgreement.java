package org.earmark.agreement.timeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.CohenKappa;
import org.earmark.agreement.coefficient.KappaWeights;

/**
 * Agreement of two coders' events, from their {@link ConfusionTable} (one recording, or several pooled).
 *
 * @param percentAgreement pairs with the same code / (all pairs + unpaired events); empty with no events
 * @param kappa Cohen's kappa over the units (pairs and unpaired events) with "no event" as a category; empty
 *     with fewer than two units or when it is undefined (for example every unit has the same single code)
 * @param perCode scores per code, A as reference, in code order
 * @param missedByA events of B that A has no event for
 * @param missedByB events of A that B has no event for
 */
public record PairwiseAgreement(String coderA, String coderB, ConfusionTable table, OptionalDouble percentAgreement,
        OptionalDouble kappa, Map<String, CodeScores> perCode, long missedByA, long missedByB) {

    public PairwiseAgreement {
        perCode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perCode));
    }

    /** Matches the two coders' events and scores the matching. */
    public static PairwiseAgreement of(String coderA, List<TimedEvent> a, String coderB, List<TimedEvent> b,
            long toleranceMs) {
        return of(coderA, coderB, ConfusionTable.of(EventMatcher.match(a, b, toleranceMs)));
    }

    /** Scores a confusion table. */
    public static PairwiseAgreement of(String coderA, String coderB, ConfusionTable table) {
        long[][] counts = table.counts();
        int none = table.codes().size();
        long total = 0;
        long same = 0;
        long missedByA = 0;
        long missedByB = 0;
        Map<String, CodeScores> perCode = new LinkedHashMap<>();
        for (int k = 0; k < none; k++) {
            long rowSum = 0;
            long colSum = 0;
            for (int j = 0; j <= none; j++) {
                rowSum += counts[k][j];
                colSum += counts[j][k];
            }
            same += counts[k][k];
            missedByA += counts[none][k];
            missedByB += counts[k][none];
            total += rowSum;
            perCode.put(table.codes().get(k),
                    CodeScores.of(table.codes().get(k), counts[k][k], rowSum, colSum, counts[none][k], counts[k][none]));
        }
        total += missedByA; // the "no event" row
        OptionalDouble percent = total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) same / total);
        OptionalDouble kappa = CohenKappa.fromTable(counts, KappaWeights.UNWEIGHTED);
        return new PairwiseAgreement(coderA, coderB, table, percent, kappa, perCode, missedByA, missedByB);
    }
}

package org.earmark.agreement.coefficient;

import java.util.OptionalDouble;
import org.earmark.agreement.RatingsTable;

/** Share of complete units on which all coders gave the same value (as irr::agree with tolerance 0). */
public final class PercentAgreement {

    private PercentAgreement() {
    }

    /** Empty when there are fewer than two coders or no unit that every coder rated. */
    public static OptionalDouble compute(RatingsTable table) {
        if (table.coderCount() < 2) {
            return OptionalDouble.empty();
        }
        int complete = 0;
        int agreeing = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            if (!table.isComplete(u)) {
                continue;
            }
            complete++;
            int first = table.category(u, 0);
            boolean all = true;
            for (int c = 1; c < table.coderCount() && all; c++) {
                all = table.category(u, c) == first;
            }
            if (all) {
                agreeing++;
            }
        }
        return complete == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) agreeing / complete);
    }
}

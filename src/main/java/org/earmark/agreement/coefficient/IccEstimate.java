package org.earmark.agreement.coefficient;

import java.util.OptionalDouble;

/**
 * One intraclass correlation with its 95% confidence bounds. A part that is not a finite number (for example
 * a bound when a mean square is zero) is empty rather than infinite or NaN.
 */
public record IccEstimate(IccForm form, OptionalDouble value, OptionalDouble lowerBound, OptionalDouble upperBound) {

    static IccEstimate of(IccForm form, double value, double lower, double upper) {
        return new IccEstimate(form, finite(value), finite(lower), finite(upper));
    }

    private static OptionalDouble finite(double d) {
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}

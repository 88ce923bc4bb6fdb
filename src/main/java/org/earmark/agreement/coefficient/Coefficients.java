package org.earmark.agreement.coefficient;

/**
 * Conventions shared by every coefficient in this package.
 * <ul>
 * <li>A coefficient that does not apply or is undefined is an empty {@link java.util.OptionalDouble}, never a
 * made-up number: fewer than {@value #MIN_UNITS} units contributing, fewer than two coders, a single category
 * (expected agreement of 1), or no variance.</li>
 * <li>Units with missing values: Cohen's kappa, Fleiss' kappa, ICC and percent agreement use the units every
 * coder rated; Krippendorff's alpha uses every unit with at least two values (pairable values); Gwet's AC1
 * accepts missing values as in Gwet (2014), but the reliability report gives it complete units only.</li>
 * </ul>
 */
public final class Coefficients {

    /** Fewer contributing units than this make every chance-corrected coefficient undefined. */
    public static final int MIN_UNITS = 2;

    private Coefficients() {
    }
}

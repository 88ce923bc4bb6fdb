package org.earmark.agreement.coefficient;

/**
 * The six intraclass correlations of Shrout &amp; Fleiss (1979), named as R's psych::ICC names them.
 * ICC(1,1) ... ICC(3,k) in the paper's notation.
 */
public enum IccForm {
    /** One-way random, single rater: ICC(1,1). */
    ICC1,
    /** Two-way random, absolute agreement, single rater: ICC(2,1). */
    ICC2,
    /** Two-way mixed, consistency, single rater: ICC(3,1). */
    ICC3,
    /** One-way random, mean of k raters: ICC(1,k). */
    ICC1k,
    /** Two-way random, mean of k raters: ICC(2,k). */
    ICC2k,
    /** Two-way mixed, mean of k raters: ICC(3,k). */
    ICC3k
}

package org.earmark.agreement.timeline;

import java.util.OptionalDouble;

/**
 * How well coder B reproduces coder A's events of one code, with A as the reference. Swapping the coders
 * swaps precision and recall and the two miss counts; F1 does not change.
 *
 * @param truePositives pairs where both coded this code
 * @param countA units A coded with this code (paired or not)
 * @param countB units B coded with this code
 * @param precision truePositives / countB; empty when B never used the code
 * @param recall truePositives / countA; empty when A never used the code
 * @param f1 2·truePositives / (countA + countB); empty when neither used it
 * @param missedByA B's events of this code that A has no event for
 * @param missedByB A's events of this code that B has no event for
 */
public record CodeScores(String code, long truePositives, long countA, long countB, OptionalDouble precision,
        OptionalDouble recall, OptionalDouble f1, long missedByA, long missedByB) {

    static CodeScores of(String code, long tp, long countA, long countB, long missedByA, long missedByB) {
        return new CodeScores(code, tp, countA, countB, ratio(tp, countB), ratio(tp, countA),
                ratio(2 * tp, countA + countB), missedByA, missedByB);
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}

package org.earmark.agreement.timeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.coefficient.Icc;
import org.earmark.agreement.coefficient.KrippendorffAlpha;

/**
 * Agreement on one number per recording and coder (the count of a code, or a fidelity metric): the six ICCs
 * (complete recordings) and Krippendorff's alpha at interval level (all recordings with two or more values).
 *
 * @param table recordings × coders
 */
public record ScoreAgreement(RatingsTable table, Optional<Map<IccForm, IccEstimate>> icc, OptionalDouble alpha) {

    /** From recording id → coder id → value; a coder absent for a recording, or a null value, is missing. */
    public static ScoreAgreement of(Map<String, Map<String, Double>> valuesByRecording) {
        RatingsTable.Builder b = RatingsTable.numberBuilder();
        new TreeMap<>(valuesByRecording).forEach((recording, byCoder) -> {
            b.unit(recording);
            new TreeMap<>(byCoder).forEach((coder, value) -> b.number(recording, coder, value));
        });
        return of(b.build());
    }

    /** From a numeric recordings × coders table. */
    public static ScoreAgreement of(RatingsTable table) {
        return new ScoreAgreement(table, Icc.compute(table), KrippendorffAlpha.compute(table, Level.INTERVAL));
    }

    /**
     * Counts of {@code code} per recording and coder: recording id → coder id → that coder's events. A coder
     * present for a recording with no event of the code counts 0; a coder absent for it is missing.
     */
    public static ScoreAgreement ofCounts(Map<String, Map<String, List<TimedEvent>>> eventsByRecording, String code) {
        Map<String, Map<String, Double>> counts = new TreeMap<>();
        eventsByRecording.forEach((recording, byCoder) -> {
            Map<String, Double> row = counts.computeIfAbsent(recording, r -> new TreeMap<>());
            byCoder.forEach((coder, events) -> row.put(coder,
                    (double) events.stream().filter(e -> e.code().equals(code)).count()));
        });
        return of(counts);
    }
}

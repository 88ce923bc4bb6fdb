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
        return ofCounts(eventsByRecording, java.util.Set.of(code)).get(code);
    }

    /** {@link #ofCounts(Map, String)} for each of {@code codes}, counting every event once. */
    public static Map<String, ScoreAgreement> ofCounts(Map<String, Map<String, List<TimedEvent>>> eventsByRecording,
            java.util.Collection<String> codes) {
        Map<String, RatingsTable.Builder> builders = new TreeMap<>();
        codes.forEach(code -> builders.put(code, RatingsTable.numberBuilder()));
        Map<String, Integer> tally = new java.util.HashMap<>();
        new TreeMap<>(eventsByRecording).forEach((recording, byCoder) -> {
            builders.values().forEach(b -> b.unit(recording));
            new TreeMap<>(byCoder).forEach((coder, events) -> {
                tally.clear();
                for (TimedEvent e : events) {
                    tally.merge(e.code(), 1, Integer::sum);
                }
                builders.forEach((code, b) -> b.number(recording, coder, (double) tally.getOrDefault(code, 0)));
            });
        });
        Map<String, ScoreAgreement> result = new java.util.LinkedHashMap<>();
        builders.forEach((code, b) -> result.put(code, of(b.build())));
        return result;
    }
}

package org.earmark.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earmark.codebook.CodeSelection;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.FidelityMetric;
import org.earmark.model.Event;

/**
 * Evaluates a codebook's fidelity metrics for one recording as coded by one coder. A metric that
 * is undefined for the recording (a share of zero questions, a mean of no ratings, a rate over a
 * recording of unknown length) is {@code null}, never a made-up number.
 */
public final class FidelityScores {

    private FidelityScores() {
    }

    /**
     * @param durationMs the recording's length (for rates), or {@code null} if unknown
     * @param events     the coder's events on the recording; deleted ones are ignored
     * @param ratings    the coder's global ratings of the recording by scale id
     * @return every metric of the codebook, in codebook order, by metric id
     */
    public static Map<String, Double> evaluate(Codebook codebook, Long durationMs, List<Event> events,
            Map<String, Integer> ratings) {
        List<Event> live = events.stream().filter(e -> !e.deleted()).toList();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (FidelityMetric metric : codebook.metrics()) {
            scores.put(metric.id(), evaluate(metric, codebook, durationMs, live, ratings));
        }
        return Collections.unmodifiableMap(scores);
    }

    static Double evaluate(FidelityMetric metric, Codebook codebook, Long durationMs, List<Event> live,
            Map<String, Integer> ratings) {
        if (metric instanceof FidelityMetric.Count count) {
            return (double) count(codebook, count.of(), live);
        }
        if (metric instanceof FidelityMetric.Rate rate) {
            return durationMs == null || durationMs <= 0 ? null
                    : count(codebook, rate.of(), live) / (durationMs / 60_000.0) * rate.perMinutes();
        }
        if (metric instanceof FidelityMetric.Share share) {
            long denominator = count(codebook, share.denominator(), live);
            return denominator == 0 ? null : count(codebook, share.numerator(), live) / (double) denominator;
        }
        if (metric instanceof FidelityMetric.RatingMean mean) {
            List<Integer> given = mean.ratings().stream().map(ratings::get).filter(v -> v != null).toList();
            return given.isEmpty() ? null : given.stream().mapToInt(Integer::intValue).average().orElseThrow();
        }
        FidelityMetric.Duration duration = (FidelityMetric.Duration) metric;
        return duration.unit().fromMillis(coveredMillis(codebook, duration.of(), live));
    }

    private static long count(Codebook codebook, CodeSelection selection, List<Event> live) {
        Set<String> codes = new HashSet<>(selection.resolve(codebook));
        return live.stream().filter(e -> codes.contains(e.code())).count();
    }

    /** Time covered by the selected spans; overlapping spans count once, so two coders' habits compare fairly. */
    private static long coveredMillis(Codebook codebook, CodeSelection selection, List<Event> live) {
        Set<String> codes = new HashSet<>(selection.resolve(codebook));
        List<Event> spans = new ArrayList<>(live.stream()
                .filter(e -> codes.contains(e.code()) && e.endMs() != null).toList());
        spans.sort(Comparator.comparingLong(Event::startMs));
        long total = 0;
        long coveredTo = Long.MIN_VALUE;
        for (Event span : spans) {
            long start = Math.max(span.startMs(), coveredTo);
            if (span.endMs() > start) {
                total += span.endMs() - start;
            }
            coveredTo = Math.max(coveredTo, span.endMs());
        }
        return total;
    }
}

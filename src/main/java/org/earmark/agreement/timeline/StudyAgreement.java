package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earmark.core.Preconditions;

/**
 * The event agreement report of a study: per recording (every pair of coders and alpha over matched units),
 * pooled over recordings (per pair of coders, the summed confusion tables and their scores; alpha over all
 * units), and agreement on per-recording counts of each code (ICC and interval alpha). Recordings are
 * processed in parallel; the result does not depend on the order of recordings, coders or events.
 */
public final class StudyAgreement {

    /** One recording's point events, per coder who coded it. */
    public record RecordingEvents(String recordingId, Map<String, List<TimedEvent>> eventsByCoder) {
        public RecordingEvents {
            Preconditions.checkNotBlank(recordingId, "recording id");
            eventsByCoder = Map.copyOf(eventsByCoder);
        }
    }

    /**
     * @param perRecording recording id (text order) → its agreement; recordings with fewer than two coders are left
     *     out
     * @param pooledPairs per pair of coders, the agreement of their summed confusion tables
     * @param alpha Krippendorff's alpha (nominal) over the matched units of all recordings
     * @param countAgreement per code, agreement on the number of events per recording
     */
    public record Report(Map<String, MultiCoderAgreement> perRecording, List<PairwiseAgreement> pooledPairs,
            OptionalDouble alpha, Map<String, ScoreAgreement> countAgreement) {
    }

    private StudyAgreement() {
    }

    public static Report compute(List<RecordingEvents> recordings, long toleranceMs) {
        TreeMap<String, RecordingEvents> byId = new TreeMap<>();
        for (RecordingEvents r : recordings) {
            Preconditions.checkArgument(byId.put(r.recordingId(), r) == null, "recording '%s' given twice",
                    r.recordingId());
        }
        List<RecordingEvents> ordered = new ArrayList<>(byId.values());
        List<MultiCoderAgreement> results = ordered.parallelStream()
                .map(r -> r.eventsByCoder().size() < 2 ? null
                        : MultiCoderAgreement.compute(r.eventsByCoder(), toleranceMs))
                .toList();

        Map<String, MultiCoderAgreement> perRecording = new LinkedHashMap<>();
        Map<String, List<ConfusionTable>> tablesByPair = new TreeMap<>();
        List<String[]> allUnits = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            MultiCoderAgreement m = results.get(i);
            if (m == null) {
                continue;
            }
            perRecording.put(ordered.get(i).recordingId(), m);
            for (PairwiseAgreement p : m.pairs()) {
                tablesByPair.computeIfAbsent(p.coderA() + '\u0000' + p.coderB(), k -> new ArrayList<>()).add(p.table());
            }
            allUnits.addAll(m.units());
        }
        List<PairwiseAgreement> pooled = new ArrayList<>();
        tablesByPair.forEach((key, tables) -> {
            String[] coders = key.split("\u0000", 2);
            pooled.add(PairwiseAgreement.of(coders[0], coders[1], ConfusionTable.sum(tables)));
        });

        java.util.Set<String> codes = new java.util.HashSet<>();
        Map<String, Map<String, List<TimedEvent>>> eventsByRecording = new TreeMap<>();
        for (RecordingEvents r : ordered) {
            eventsByRecording.put(r.recordingId(), r.eventsByCoder());
            r.eventsByCoder().values().forEach(list -> list.forEach(e -> codes.add(e.code())));
        }
        Map<String, ScoreAgreement> counts = ScoreAgreement.ofCounts(eventsByRecording, new TreeSet<>(codes));
        return new Report(perRecording, pooled, MultiCoderAgreement.alpha(allUnits), counts);
    }
}

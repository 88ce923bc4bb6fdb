package org.earmark.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earmark.codebook.Codebook;
import org.earmark.model.Assignment;
import org.earmark.model.Event;
import org.earmark.model.StudyRecording;
import org.earmark.storage.StudyFile;

/**
 * A blind snapshot of a study's coding, read in one go: recordings, assignments, each coder's
 * live events, ratings and recording status. It holds no allocation, so whatever is computed from it is blind too.
 *
 * <p>A recording a coder was assigned but has not coded yet (their file not merged, or the recording not started)
 * is missing, not coded with nothing in it: agreement leaves it out and fidelity shows no score, where counting it
 * as zero events would bias every figure of a study still under way.
 *
 * @param statuses recording → coder → status merged from the coder's file ({@code not_started}, {@code in_progress}
 *                 or {@code done})
 */
public record StudyData(String studyId, String studyName, Codebook codebook, Map<String, StudyRecording> recordings,
        List<Assignment> assignments, Map<String, Map<String, List<Event>>> events,
        Map<String, Map<String, Map<String, Integer>>> ratings, Map<String, List<String>> assignedByRecording,
        Map<String, Map<String, String>> statuses) {

    /** The coder name under which adjudicated (consensus) coding is stored. */
    public static final String CONSENSUS = "consensus";

    public static StudyData load(StudyFile study) {
        Map<String, StudyRecording> recordings = study.recordings().stream()
                .collect(Collectors.toMap(StudyRecording::id, Function.identity(), (a, b) -> a, TreeMap::new));
        List<Assignment> assignments = study.assignments();
        Map<String, List<String>> assigned = new TreeMap<>();
        for (Assignment a : assignments) {
            if (!a.coder().equals(CONSENSUS)) {
                assigned.computeIfAbsent(a.recordingId(), k -> new java.util.ArrayList<>()).add(a.coder());
            }
        }
        assigned.replaceAll((r, coders) -> coders.stream().sorted().distinct().toList());
        return new StudyData(study.id(), study.name(), study.codebook(), recordings, assignments,
                study.liveEvents(), study.ratings(), assigned, study.statuses());
    }

    /** Coders (not the consensus) who have events or ratings on a recording, in name order. */
    public List<String> codersWithWork(String recordingId) {
        java.util.TreeSet<String> coders = new java.util.TreeSet<>(events.getOrDefault(recordingId, Map.of()).keySet());
        coders.addAll(ratings.getOrDefault(recordingId, Map.of()).keySet());
        coders.remove(CONSENSUS);
        return List.copyOf(coders);
    }

    /** Coders assigned a recording (not the consensus), in name order. */
    public List<String> assignedCoders(String recordingId) {
        return assignedByRecording.getOrDefault(recordingId, List.of());
    }

    public List<Event> events(String recordingId, String coder) {
        return events.getOrDefault(recordingId, Map.of()).getOrDefault(coder, List.of());
    }

    public Map<String, Integer> ratings(String recordingId, String coder) {
        return ratings.getOrDefault(recordingId, Map.of()).getOrDefault(coder, Map.of());
    }

    /**
     * Whether a coder's coding of a recording has come in: the merged status says they started it (a coder's file
     * marks a recording started with its first event or rating) or marked it done, or the study has events or
     * ratings of theirs on it (the consensus, which has no status).
     */
    public boolean hasCoded(String recordingId, String coder) {
        String status = statuses.getOrDefault(recordingId, Map.of()).get(coder);
        return "in_progress".equals(status) || "done".equals(status) || !events(recordingId, coder).isEmpty()
                || !ratings(recordingId, coder).isEmpty();
    }

    /** Coders assigned a recording (not the consensus) whose coding of it has come in, in name order. */
    public List<String> codedBy(String recordingId) {
        return assignedCoders(recordingId).stream().filter(coder -> hasCoded(recordingId, coder)).toList();
    }

    /** Coders assigned a recording whose coding of it has come in but who have not marked it done. */
    public List<String> notDoneBy(String recordingId) {
        return codedBy(recordingId).stream()
                .filter(coder -> !"done".equals(statuses.getOrDefault(recordingId, Map.of()).get(coder))).toList();
    }

    /** Recordings at least two assigned coders have coded: the ones agreement is computed on. */
    public List<String> doubleCoded() {
        return recordings.keySet().stream().filter(r -> codedBy(r).size() >= 2).toList();
    }

    /** Recordings assigned to two or more coders of which fewer than two have coded them so far. */
    public List<String> awaitingSecondCoding() {
        return recordings.keySet().stream()
                .filter(r -> assignedCoders(r).size() >= 2 && codedBy(r).size() < 2).toList();
    }
}

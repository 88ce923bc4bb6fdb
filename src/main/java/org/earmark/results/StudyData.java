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
 * live events and ratings. It holds no allocation, so whatever is computed from it is blind too.
 */
public record StudyData(String studyId, String studyName, Codebook codebook, Map<String, StudyRecording> recordings,
        List<Assignment> assignments, Map<String, Map<String, List<Event>>> events,
        Map<String, Map<String, Map<String, Integer>>> ratings, Map<String, List<String>> assignedByRecording) {

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
                study.liveEvents(), study.ratings(), assigned);
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

    /** Recordings assigned to two or more coders: the ones agreement is computed on. */
    public List<String> doubleCoded() {
        return recordings.keySet().stream().filter(r -> assignedCoders(r).size() >= 2).toList();
    }
}

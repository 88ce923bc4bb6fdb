package org.earmark.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earmark.model.Assignment;
import org.earmark.model.StudyRecording;
import org.earmark.storage.StudyFile;

/** Where a study stands: who codes what, what has come back, how far each coder has got. */
public record StudyStatus(String studyId, String name, List<String> coders, List<RecordingStatusRow> recordings,
        List<CoderProgress> progress) {

    /** One recording: its coders and each coder's merged, non-deleted events. */
    public record RecordingStatusRow(String id, long durationMs, List<String> coders, Map<String, Integer> events) {
    }

    /** One coder: how much was assigned, whether a package went out, what came back. */
    public record CoderProgress(String coder, int assigned, boolean packaged, String lastMerge, int done) {
    }

    public static StudyStatus of(StudyFile study) {
        List<Assignment> assignments = study.assignments();
        Map<String, Map<String, Integer>> counts = study.liveEventCounts();
        List<RecordingStatusRow> rows = new ArrayList<>();
        for (StudyRecording r : study.recordings()) {
            List<String> coders = assignments.stream().filter(a -> a.recordingId().equals(r.id()))
                    .sorted((x, y) -> x.role().compareTo(y.role())).map(Assignment::coder).toList();
            Map<String, Integer> events = new TreeMap<>();
            for (String coder : coders) {
                events.put(coder, counts.getOrDefault(r.id(), Map.of()).getOrDefault(coder, 0));
            }
            counts.getOrDefault(r.id(), Map.of()).forEach(events::putIfAbsent);
            rows.add(new RecordingStatusRow(r.id(), r.durationMs(), coders, events));
        }
        Map<String, String> packages = study.packagesMade();
        Map<String, String> merges = study.lastMerges();
        Map<String, Integer> done = study.doneCounts();
        List<CoderProgress> progress = new ArrayList<>();
        Map<String, Integer> assigned = new LinkedHashMap<>();
        assignments.forEach(a -> assigned.merge(a.coder(), 1, Integer::sum));
        for (String coder : study.coders()) {
            progress.add(new CoderProgress(coder, assigned.getOrDefault(coder, 0), packages.containsKey(coder),
                    merges.get(coder), done.getOrDefault(coder, 0)));
        }
        return new StudyStatus(study.id(), study.name(), study.coders(), rows, progress);
    }
}

package org.earmark.model;

import java.util.List;

/** What one coder file brought into the study, recording by recording. */
/**
 * @param otherChanges ratings and statuses that changed
 */
public record MergeReport(String coder, String coderFile, List<RecordingMerge> recordings, int otherChanges) {

    /** Counts of events for one recording: new, changed (incl. newly deleted), unchanged, and live after the merge. */
    public record RecordingMerge(String recordingId, int added, int updated, int unchanged, int liveEvents) {
    }

    public int added() {
        return recordings.stream().mapToInt(RecordingMerge::added).sum();
    }

    public int updated() {
        return recordings.stream().mapToInt(RecordingMerge::updated).sum();
    }

    /** True when the file brought nothing the study did not already have. */
    public boolean changedNothing() {
        return added() == 0 && updated() == 0 && otherChanges == 0;
    }

    public int unchanged() {
        return recordings.stream().mapToInt(RecordingMerge::unchanged).sum();
    }
}

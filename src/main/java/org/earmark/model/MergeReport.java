package org.earmark.model;

import java.util.List;

/** What one coder file brought into the study, recording by recording. */
public record MergeReport(String coder, String coderFile, List<RecordingMerge> recordings) {

    /** Counts of events for one recording: new, changed (incl. newly deleted), unchanged, and live after the merge. */
    public record RecordingMerge(String recordingId, int added, int updated, int unchanged, int liveEvents) {
    }

    public int added() {
        return recordings.stream().mapToInt(RecordingMerge::added).sum();
    }

    public int updated() {
        return recordings.stream().mapToInt(RecordingMerge::updated).sum();
    }

    public int unchanged() {
        return recordings.stream().mapToInt(RecordingMerge::unchanged).sum();
    }
}

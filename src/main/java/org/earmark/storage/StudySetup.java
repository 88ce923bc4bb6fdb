package org.earmark.storage;

import static org.earmark.core.Preconditions.checkNotBlank;
import static org.earmark.core.Preconditions.checkNotNull;

import java.util.List;
import java.util.Map;
import org.earmark.codebook.Codebook;
import org.earmark.model.StudyRecording;

/** What a new study file starts with: its recordings, and — kept only in the study — the allocation key. */
public record StudySetup(String name, Codebook codebook, List<String> allocationColumns, List<Entry> recordings) {

    /** One recording with the allocation key's part for it. */
    public record Entry(StudyRecording recording, String originalFile, String originalSha256,
            Map<String, String> allocation) {
        public Entry {
            checkNotNull(recording, "recording");
            checkNotBlank(originalFile, "original file");
            allocation = Map.copyOf(allocation);
        }
    }

    public StudySetup {
        checkNotBlank(name, "study name");
        checkNotNull(codebook, "codebook");
        allocationColumns = List.copyOf(allocationColumns);
        recordings = List.copyOf(recordings);
    }
}

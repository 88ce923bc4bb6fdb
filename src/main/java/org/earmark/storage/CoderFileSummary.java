package org.earmark.storage;

/** What {@code earmark info} says about a coder file. */
public record CoderFileSummary(int schemaVersion, String fileId, String studyId, String studyName, String coder,
        String codebookId, String codebookVersion, String codebookHash, int recordings, int events,
        int deletedEvents, String createdAt, String createdBy) {
}

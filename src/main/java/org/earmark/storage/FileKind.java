package org.earmark.storage;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of Earmark file, each marked by its own SQLite {@code PRAGMA application_id}. */
public enum FileKind {
    /** One coder's work: the codebook, that coder's recordings, events, ratings. */
    CODER_FILE(0x45524D43, "coder file"),
    /** The lead researcher's study: recordings, allocation key, coders, merged events. */
    STUDY(0x45524D53, "study file");

    private final int applicationId;
    private final String description;

    FileKind(int applicationId, String description) {
        this.applicationId = applicationId;
        this.description = description;
    }

    public int applicationId() {
        return applicationId;
    }

    public String description() {
        return description;
    }

    /** The kind a file says it is, from its header bytes alone; empty if it is not an Earmark file. */
    public static Optional<FileKind> of(java.nio.file.Path file) {
        try {
            if (SqliteHeader.read(file) instanceof SqliteHeader.Verdict.Sqlite s) {
                return ofApplicationId(s.header().applicationId());
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<FileKind> ofApplicationId(int id) {
        return Arrays.stream(values()).filter(k -> k.applicationId == id).findFirst();
    }
}

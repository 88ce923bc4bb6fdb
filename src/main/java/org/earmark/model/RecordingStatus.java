package org.earmark.model;

import java.util.Locale;

/** How far a coder has got with a recording. */
public enum RecordingStatus {
    NOT_STARTED, IN_PROGRESS, DONE;

    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingStatus fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}

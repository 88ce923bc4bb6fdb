package org.earmark.ui.main;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.earmark.session.SaveQueue;
import org.earmark.ui.main.MainViewModel.SaveState;

/** "Saving…", "Saved 14:03:12" or why not: what the top-right indicator says about the save queue. */
final class SaveIndicator {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ResourceBundle text;
    private final StringProperty saveText = new SimpleStringProperty("");
    private final ObjectProperty<SaveState> saveState = new SimpleObjectProperty<>(SaveState.IDLE);
    private Instant savedBeforeFailure;

    SaveIndicator(ResourceBundle text) {
        this.text = text;
    }

    StringProperty text() {
        return saveText;
    }

    ObjectProperty<SaveState> state() {
        return saveState;
    }

    /** A file was opened and nothing has been written yet. */
    void idle() {
        saveText.set(text.getString("save.idle"));
        saveState.set(SaveState.IDLE);
    }

    /** No file is open. */
    void clear() {
        saveText.set("");
        saveState.set(SaveState.IDLE);
    }

    /** Shows the queue's state; returns true when it reports a failure the caller must tell the user about. */
    boolean show(SaveQueue.Status s) {
        if (s.failure() != null) {
            saveState.set(SaveState.FAILED);
            saveText.set(text.getString("save.failed"));
            savedBeforeFailure = s.lastSaved();
            return true;
        }
        if (s.saving()) {
            saveState.set(SaveState.SAVING);
            saveText.set(text.getString("save.saving"));
        } else if (s.lastSaved() != null && (saveState.get() != SaveState.FAILED
                || !s.lastSaved().equals(savedBeforeFailure))) {
            // After a failure, "Saved" comes back only once a later write has reached the disk.
            saveState.set(SaveState.SAVED);
            saveText.set(MessageFormat.format(text.getString("save.saved"), CLOCK.format(s.lastSaved())));
        }
        return false;
    }
}

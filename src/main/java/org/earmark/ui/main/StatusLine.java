package org.earmark.ui.main;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.earmark.ui.common.Background;

/**
 * The main window's status bar: one line of text and the job the window is waiting for (opening, unpacking,
 * restoring), with its progress. Only one such job is shown; a job that finishes after another took its place
 * leaves the newer one alone.
 */
final class StatusLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Background.Job<?>> job = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);

    void set(String line) {
        text.set(line);
    }

    String get() {
        return text.get();
    }

    /** The window is busy with {@code running} (null: with nothing); its progress is unknown. */
    void busyWith(Background.Job<?> running) {
        job.set(running);
    }

    /** The window is busy with {@code running}, whose progress and messages the status bar shows. */
    void follow(Background.Job<?> running) {
        job.set(running);
        progress.bind(running.progressProperty());
        running.messageProperty().addListener((obs, was, now) -> {
            if (job.get() == running && now != null && !now.isBlank()) {
                text.set(now);
            }
        });
    }

    /** {@code finished} is over: the window is no longer busy with it. */
    void done(Background.Job<?> finished) {
        if (job.get() == finished) {
            job.set(null);
            progress.unbind();
            progress.set(-1);
        }
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    BooleanBinding busyProperty() {
        return job.isNotNull();
    }
}

package org.earmark.ui.main;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.core.TimeFormat;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.ui.common.Background;

/** State of the main window: which coder file is open and what its recordings are. */
public final class MainViewModel {

    /** What an opened file shows, read off the FX thread in one go. */
    record Opened(CoderFile file, List<RecordingProgress> progress, String studyName) {
    }

    private final Background background;
    private final ResourceBundle text;
    private final ObjectProperty<CoderFile> file = new SimpleObjectProperty<>();
    private final ObservableList<RecordingRow> recordings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ObjectProperty<Background.Job<?>> currentJob = new SimpleObjectProperty<>();
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };

    public MainViewModel(Background background, ResourceBundle text) {
        this.background = background;
        this.text = text;
        title.bind(Bindings.createStringBinding(() -> file.get() == null ? text.getString("app.name")
                : text.getString("app.name") + " \u2014 " + file.get().path().getFileName(), file));
        status.set(text.getString("main.empty"));
    }

    /** Where failures go; the window shows them in a dialog. */
    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    public void open(Path path) {
        String doing = MessageFormat.format(text.getString("main.couldNotOpen"), path.getFileName());
        status.set(MessageFormat.format(text.getString("main.opening"), path.getFileName()));
        CoderFile previous = file.get();
        Background.Job<Opened> job = background.job(status.get(), progress -> {
            CoderFile opened = CoderFile.open(path);
            try {
                return new Opened(opened, opened.progress(), opened.meta().get("study_name"));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        });
        currentJob.set(job);
        job.onSuccess(opened -> {
            currentJob.set(null);
            file.set(opened.file());
            recordings.setAll(opened.progress().stream().map(MainViewModel::row).toList());
            status.set(summary(opened));
            if (previous != null) {
                background.job("close", p -> {
                    previous.close();
                    return null;
                }).start();
            }
        }).onFailure(e -> {
            currentJob.set(null);
            status.set(file.get() == null ? text.getString("main.empty") : status.get());
            onError.accept(doing, e);
        }).start();
    }

    /** Closes the open file (its work is already on disk). */
    public void close() {
        CoderFile open = file.get();
        if (open == null) {
            return;
        }
        file.set(null);
        recordings.clear();
        status.set(text.getString("main.empty"));
        background.job("close", p -> {
            open.close();
            return null;
        }).onFailure(e -> onError.accept("close", e)).start();
    }

    /** At exit: closes the open file on the calling thread, since no background work may follow. */
    public void shutdown() {
        CoderFile open = file.get();
        file.set(null);
        if (open != null) {
            open.close();
        }
    }

    private String summary(Opened opened) {
        CoderFile f = opened.file();
        long done = opened.progress().stream().filter(p -> p.status() == RecordingStatus.DONE).count();
        return MessageFormat.format(text.getString("main.status"), f.coder(), opened.studyName(),
                f.codebook().id() + " " + f.codebook().version(), opened.progress().size(), done);
    }

    static RecordingRow row(RecordingProgress p) {
        Long ms = p.recording().durationMs();
        return new RecordingRow(p.recording().id(), ms == null ? "" : TimeFormat.duration(ms), p.status(),
                p.eventCount());
    }

    public String statusText(RecordingStatus s) {
        return text.getString("status." + s.storedName());
    }

    public ObservableList<RecordingRow> recordings() {
        return recordings;
    }

    public ReadOnlyObjectProperty<CoderFile> fileProperty() {
        return file;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return currentJob.isNotNull();
    }
}

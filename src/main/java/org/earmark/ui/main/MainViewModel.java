package org.earmark.ui.main;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.core.EarmarkException;
import org.earmark.core.TimeFormat;
import org.earmark.model.Recording;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.session.SaveQueue;
import org.earmark.storage.CoderFile;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.Settings;

/**
 * State of the main window: which coder file is open, its recordings, the one being coded, and
 * whether everything is saved. Opening a file starts its {@link SaveQueue}; closing drains it.
 */
public final class MainViewModel {

    /** What an opened file shows, read off the FX thread in one go. */
    record Opened(CoderFile file, List<RecordingProgress> progress, String studyName) {
    }

    /** What the saved indicator is showing, for its style. */
    public enum SaveState { IDLE, SAVING, SAVED, FAILED }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Background background;
    private final ResourceBundle text;
    private final Settings settings;
    private final CodingViewModel coding;
    private final Function<CoderFile, SaveQueue> queues;
    private final ObjectProperty<CoderFile> file = new SimpleObjectProperty<>();
    private final ObservableList<RecordingRow> recordings = FXCollections.observableArrayList();
    private final Map<String, Recording> byId = new LinkedHashMap<>();
    private final ObjectProperty<String> selectedRecording = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final StringProperty saveText = new SimpleStringProperty("");
    private final ObjectProperty<SaveState> saveState = new SimpleObjectProperty<>(SaveState.IDLE);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<Background.Job<?>> currentJob = new SimpleObjectProperty<>();
    private SaveQueue queue;
    private java.time.Instant savedBeforeFailure;
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };

    public MainViewModel(Background background, ResourceBundle text, Settings settings, CodingViewModel coding,
            Function<CoderFile, SaveQueue> queues) {
        this.background = background;
        this.text = text;
        this.settings = settings;
        this.coding = coding;
        this.queues = queues;
        title.bind(Bindings.createStringBinding(() -> file.get() == null ? text.getString("app.name")
                : text.getString("app.name") + " \u2014 " + file.get().path().getFileName(), file));
        status.set(text.getString("main.empty"));
        coding.setOnProgress(this::progressed);
        coding.setOnError((doing, e) -> onError.accept(doing, e));
    }

    /** Where failures go; the window shows them in a dialog. */
    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    public void open(Path path) {
        String doing = MessageFormat.format(text.getString("main.couldNotOpen"), path.getFileName());
        if (file.get() != null && file.get().path().toAbsolutePath().normalize().equals(
                path.toAbsolutePath().normalize())) {
            close(); // the file is held exclusively: let go of it before opening it again
        }
        status.set(MessageFormat.format(text.getString("main.opening"), path.getFileName()));
        CompletableFuture<Void> previousClose = closing;
        Background.Job<Opened> job = background.job(status.get(), progress -> {
            previousClose.join();
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
            close();
            show(opened);
            settings.addRecent(path);
        }).onFailure(e -> {
            currentJob.set(null);
            status.set(file.get() == null ? text.getString("main.empty") : status.get());
            onError.accept(doing, e);
        }).start();
    }

    private void show(Opened opened) {
        CoderFile f = opened.file();
        queue = queues.apply(f);
        SaveQueue mine = queue;
        queue.setListener(s -> {
            if (mine == queue) {
                saved(s);
            }
        });
        saveText.set(text.getString("save.idle"));
        saveState.set(SaveState.IDLE);
        file.set(f);
        byId.clear();
        opened.progress().forEach(p -> byId.put(p.recording().id(), p.recording()));
        recordings.setAll(opened.progress().stream().map(MainViewModel::row).toList());
        status.set(summary(opened));
        updateProgressText();
        coding.attach(queue, f.codebook());
        recordings.stream().filter(r -> r.status() != RecordingStatus.DONE).findFirst()
                .or(() -> recordings.stream().findFirst()).ifPresent(r -> select(r.id()));
    }

    private void saved(SaveQueue.Status s) {
        if (s.failure() != null) {
            saveState.set(SaveState.FAILED);
            saveText.set(text.getString("save.failed"));
            savedBeforeFailure = s.lastSaved();
            String failure = s.failure();
            queue.acknowledgeFailure();
            onError.accept(text.getString("save.couldNotSave"), new EarmarkException(EarmarkException.Kind.IO,
                    failure));
        } else if (s.saving()) {
            saveState.set(SaveState.SAVING);
            saveText.set(text.getString("save.saving"));
        } else if (s.lastSaved() != null && (saveState.get() != SaveState.FAILED
                || !s.lastSaved().equals(savedBeforeFailure))) {
            // After a failure, "Saved" comes back only once a later write has reached the disk.
            saveState.set(SaveState.SAVED);
            saveText.set(MessageFormat.format(text.getString("save.saved"), CLOCK.format(s.lastSaved())));
        }
    }

    /** Codes another recording of the open file. */
    public void select(String recordingId) {
        Recording r = byId.get(recordingId);
        if (r == null || recordingId.equals(selectedRecording.get())) {
            return;
        }
        selectedRecording.set(recordingId);
        coding.open(r);
    }

    private void progressed(RecordingProgress p) {
        for (int i = 0; i < recordings.size(); i++) {
            if (recordings.get(i).id().equals(p.recording().id())) {
                RecordingRow next = row(p);
                if (!next.equals(recordings.get(i))) {
                    recordings.set(i, next);
                }
            }
        }
        updateProgressText();
    }

    private void updateProgressText() {
        long done = recordings.stream().filter(r -> r.status() == RecordingStatus.DONE).count();
        progressText.set(recordings.isEmpty() ? "" : MessageFormat.format(text.getString("main.progress"), done,
                recordings.size()));
    }

    /** Closes the open file once everything queued for it is on disk. */
    public void close() {
        CoderFile open = file.get();
        if (open == null) {
            return;
        }
        SaveQueue q = queue;
        coding.detach();
        queue = null;
        file.set(null);
        selectedRecording.set(null);
        recordings.clear();
        byId.clear();
        progressText.set("");
        saveText.set("");
        saveState.set(SaveState.IDLE);
        status.set(text.getString("main.empty"));
        CompletableFuture<Void> closed = new CompletableFuture<>();
        closing = closed;
        background.job("close", p -> {
            try {
                q.close();
                open.close();
            } finally {
                closed.complete(null);
            }
            return null;
        }).onFailure(e -> onError.accept(text.getString("main.couldNotClose"), e)).start();
    }

    /** At exit: saves what is queued and closes the file on the calling thread; no background work may follow. */
    public void shutdown() {
        CoderFile open = file.get();
        SaveQueue q = queue;
        coding.detach();
        file.set(null);
        queue = null;
        if (q != null) {
            q.close();
        }
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

    public ReadOnlyObjectProperty<String> selectedRecordingProperty() {
        return selectedRecording;
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

    /** "Saved 14:03:12", "Saving…", or why not. */
    public StringProperty saveTextProperty() {
        return saveText;
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saveState;
    }

    /** "3 of 12 done". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    public BooleanBinding busyProperty() {
        return currentJob.isNotNull();
    }

    public CodingViewModel coding() {
        return coding;
    }

    public Settings settings() {
        return settings;
    }

    Background background() {
        return background;
    }

    void setBusy(Background.Job<?> job) {
        currentJob.set(job);
    }

    void setStatus(String s) {
        status.set(s);
    }

    void reportError(String doing, Throwable e) {
        onError.accept(doing, e);
    }
}

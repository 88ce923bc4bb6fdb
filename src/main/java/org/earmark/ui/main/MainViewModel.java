package org.earmark.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.earmark.core.AppDirs;
import org.earmark.demo.DemoStudy;
import org.earmark.storage.Backups;
import org.earmark.study.PackageOpener;
import java.text.MessageFormat;
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
    private final SaveIndicator indicator;
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<Background.Job<?>> currentJob = new SimpleObjectProperty<>();
    private SaveQueue queue;
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };
    private final Places places;
    private final DoubleProperty jobProgress = new SimpleDoubleProperty(-1);
    private final StringProperty fileNotice = new SimpleStringProperty("");
    private ScheduledFuture<?> backups;

    /**
     * What the window needs beyond the open file: where the user's own copy of the demo goes, the clock that stamps
     * it, and the timer that backs up an open file every {@code backupEvery} (none when {@code backupTimer} is null).
     */
    public record Places(Supplier<Path> dataHome, Clock clock, ScheduledExecutorService backupTimer,
            Duration backupEvery) {
    }

    public MainViewModel(Background background, ResourceBundle text, Settings settings, CodingViewModel coding,
            Function<CoderFile, SaveQueue> queues) {
        this(background, text, settings, coding, queues, new Places(AppDirs::dataHome, Clock.systemUTC(), null,
                Backups.DEFAULT_INTERVAL));
    }

    public MainViewModel(Background background, ResourceBundle text, Settings settings, CodingViewModel coding,
            Function<CoderFile, SaveQueue> queues, Places places) {
        this.places = places;
        this.background = background;
        this.text = text;
        this.indicator = new SaveIndicator(text);
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

    /**
     * What the app opens when it starts: the file given (a coder file or a package), else the most recent file that
     * is still there, else the user's own copy of the demo (made on first use).
     */
    public void start(List<String> args) {
        if (!args.isEmpty()) {
            openAny(Path.of(args.get(0)));
            return;
        }
        List<Path> recent = List.copyOf(settings.recentFiles());
        prepare(text.getString("main.starting"), text.getString("demo.couldNotOpen"), progress -> {
            for (Path p : recent) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            return DemoStudy.ensure(places.dataHome().get(), places.clock(), progress).coderFile();
        });
    }

    /** Help ▸ Open the demo: the user's own copy, made if it is not there yet. */
    public void openDemo() {
        prepare(text.getString("demo.preparing"), text.getString("demo.couldNotOpen"),
                progress -> DemoStudy.ensure(places.dataHome().get(), places.clock(), progress).coderFile());
    }

    /** Opens a coder file, or a package: unpacked beside itself first (or its earlier unpacked copy, as it is). */
    public void openAny(Path path) {
        if (!PackageOpener.isPackage(path)) {
            open(path);
            return;
        }
        prepare(MessageFormat.format(text.getString("main.unpacking"), path.getFileName()),
                MessageFormat.format(text.getString("main.couldNotOpen"), path.getFileName()),
                progress -> PackageOpener.unpackBeside(path));
    }

    /** Finds or makes a coder file in the background (with its progress shown), then opens it. */
    private void prepare(String title, String doing, Background.Work<Path> work) {
        String before = status.get();
        status.set(title);
        Background.Job<Path> job = background.job(title, work);
        currentJob.set(job);
        jobProgress.bind(job.progressProperty());
        job.messageProperty().addListener((obs, was, now) -> {
            if (currentJob.get() == job && now != null && !now.isBlank()) {
                status.set(now);
            }
        });
        job.onSuccess(coderFile -> {
            unbindProgress(job);
            open(coderFile);
        }).onFailure(e -> {
            unbindProgress(job);
            status.set(file.get() == null ? text.getString("main.empty") : before);
            onError.accept(doing, e);
        }).start();
    }

    private void unbindProgress(Background.Job<?> job) {
        if (currentJob.get() == job) {
            currentJob.set(null);
        }
        jobProgress.unbind();
        jobProgress.set(-1);
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
        indicator.idle();
        file.set(f);
        fileNotice.set(f.backupProblem().map(p -> MessageFormat.format(text.getString("backup.problem"),
                p.getMessage())).orElse(""));
        if (places.backupTimer() != null) {
            backups = Backups.schedule(f, places.backupTimer(), places.backupEvery(), problem -> Platform.runLater(
                    () -> {
                        if (file.get() == f) {
                            fileNotice.set(MessageFormat.format(text.getString("backup.problem"),
                                    problem.getMessage()));
                        }
                    }));
        }
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
        if (indicator.show(s)) {
            String failure = s.failure();
            queue.acknowledgeFailure();
            onError.accept(text.getString("save.couldNotSave"), new EarmarkException(EarmarkException.Kind.IO,
                    failure));
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
        stopBackups();
        queue = null;
        file.set(null);
        fileNotice.set("");
        selectedRecording.set(null);
        recordings.clear();
        byId.clear();
        progressText.set("");
        indicator.clear();
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
        stopBackups();
        file.set(null);
        queue = null;
        if (q != null) {
            q.close();
        }
        if (open != null) {
            open.close();
        }
    }

    private void stopBackups() {
        if (backups != null) {
            backups.cancel(false);
            backups = null;
        }
    }

    /** File ▸ Restore backup…, first step: the backups of the open file, newest first (read in the background). */
    public void listBackups(Consumer<List<Backups.Backup>> then) {
        CoderFile open = file.get();
        if (open == null) {
            return;
        }
        Path path = open.path();
        background.job(text.getString("backup.listing"), p -> Backups.list(path))
                .onSuccess(then)
                .onFailure(e -> onError.accept(text.getString("backup.couldNotList"), e))
                .start();
    }

    /**
     * Replaces the open file with {@code backup}: closes it once everything queued is saved, restores (the current
     * state is backed up first, so this can be undone) and opens it again. On failure the file is reopened as it was.
     */
    public void restore(Backups.Backup backup) {
        CoderFile open = file.get();
        if (open == null) {
            return;
        }
        Path path = open.path();
        close();
        CompletableFuture<Void> closed = closing;
        String title = MessageFormat.format(text.getString("backup.restoring"), path.getFileName());
        status.set(title);
        Background.Job<Optional<Backups.Backup>> job = background.job(title, p -> {
            closed.join();
            return Backups.restore(backup.file(), path);
        });
        currentJob.set(job);
        job.onSuccess(before -> {
            currentJob.set(null);
            open(path);
        }).onFailure(e -> {
            currentJob.set(null);
            onError.accept(text.getString("backup.couldNotRestore"), e);
            open(path);
        }).start();
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
        return indicator.text();
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return indicator.state();
    }

    /** "3 of 12 done". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** The running job's progress, 0 to 1, or -1 when it is not known. */
    public ReadOnlyDoubleProperty jobProgressProperty() {
        return jobProgress;
    }

    /** A problem with the open file that needs no dialog (its backup failed), or empty. */
    public ReadOnlyStringProperty fileNoticeProperty() {
        return fileNotice;
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

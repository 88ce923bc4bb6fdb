package org.earmark.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.earmark.core.AppDirs;
import org.earmark.core.EarmarkException;
import org.earmark.demo.DemoStudy;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.session.SaveQueue;
import org.earmark.storage.Backups;
import org.earmark.storage.CoderFile;
import org.earmark.study.PackageOpener;
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
    private final RecordingList recordings;
    private final ObjectProperty<String> selectedRecording = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final StatusLine status = new StatusLine();
    private final SaveIndicator indicator;
    private SaveQueue queue;
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };
    private final Places places;
    private final BackupWatch backups;

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
        this.recordings = new RecordingList(text);
        this.backups = new BackupWatch(background, text, places.backupTimer(), places.backupEvery());
        this.settings = settings;
        this.coding = coding;
        this.queues = queues;
        title.bind(Bindings.createStringBinding(() -> file.get() == null ? text.getString("app.name")
                : text.getString("app.name") + " \u2014 " + file.get().path().getFileName(), file));
        status.set(text.getString("main.empty"));
        coding.setOnProgress(recordings::progressed);
        coding.setOnError((doing, e) -> onError.accept(doing, e));
    }

    /** Where failures go; the window shows them in a dialog. */
    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    /**
     * What the app opens when it starts: the file given (a coder file or a package), else the most recent file that
     * is still there, else the user's own copy of the demo (made on first use). When that recent file cannot be
     * opened (damaged, locked by another copy of the app), the demo opens after the message, so a coder never faces an
     * empty window with no way forward.
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
        }, chosen -> open(chosen, recent.contains(chosen) ? this::openDemo : null));
    }

    /** Help ▸ Open the demo: the user's own copy, made if it is not there yet. */
    public void openDemo() {
        prepare(text.getString("demo.preparing"), text.getString("demo.couldNotOpen"),
                progress -> DemoStudy.ensure(places.dataHome().get(), places.clock(), progress).coderFile(),
                this::open);
    }

    /** Opens a coder file, or a package: unpacked beside itself first (or its earlier unpacked copy, as it is). */
    public void openAny(Path path) {
        if (!PackageOpener.isPackage(path)) {
            open(path);
            return;
        }
        prepare(MessageFormat.format(text.getString("main.unpacking"), path.getFileName()),
                MessageFormat.format(text.getString("main.couldNotOpen"), path.getFileName()),
                progress -> PackageOpener.unpackBeside(path), this::open);
    }

    /** Finds or makes a coder file in the background (with its progress shown), then hands it to {@code then}. */
    private void prepare(String title, String doing, Background.Work<Path> work, Consumer<Path> then) {
        String before = status.get();
        status.set(title);
        Background.Job<Path> job = background.job(title, work);
        status.follow(job);
        job.onSuccess(coderFile -> {
            status.done(job);
            then.accept(coderFile);
        }).onFailure(e -> {
            status.done(job);
            status.set(file.get() == null ? text.getString("main.empty") : before);
            onError.accept(doing, e);
        }).start();
    }

    public void open(Path path) {
        open(path, null);
    }

    /** Opens {@code path}; when that fails, reports it and then runs {@code fallback} (if any). */
    private void open(Path path, Runnable fallback) {
        String doing = MessageFormat.format(text.getString(fallback == null ? "main.couldNotOpen"
                : "main.couldNotOpenDemoInstead"), path.getFileName());
        if (file.get() != null && file.get().path().toAbsolutePath().normalize().equals(
                path.toAbsolutePath().normalize())) {
            close(); // the file is held exclusively: let go of it before opening it again
        }
        String before = status.get();
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
        status.busyWith(job);
        job.onSuccess(opened -> {
            status.done(job);
            close();
            show(opened);
            settings.addRecent(path);
        }).onFailure(e -> {
            status.done(job);
            // Not "Opening …" for ever: back to what was open, or to the empty window.
            status.set(file.get() == null ? text.getString("main.empty") : before);
            onError.accept(doing, e);
            if (fallback != null && file.get() == null) {
                fallback.run();
            }
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
        backups.watch(f);
        recordings.fill(opened.progress());
        status.set(summary(opened));
        coding.attach(queue, f.codebook());
        recordings.firstToCode().ifPresent(this::select);
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
        if (recordingId == null || recordingId.equals(selectedRecording.get())) {
            return;
        }
        recordings.find(recordingId).ifPresent(r -> {
            selectedRecording.set(recordingId);
            coding.open(r);
        });
    }

    /** Closes the open file once everything queued for it is on disk. */
    public void close() {
        CoderFile open = file.get();
        if (open == null) {
            return;
        }
        SaveQueue q = queue;
        coding.detach();
        backups.stop();
        queue = null;
        file.set(null);
        selectedRecording.set(null);
        recordings.clear();
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
        backups.stop();
        file.set(null);
        queue = null;
        if (q != null) {
            q.close();
        }
        if (open != null) {
            open.close();
        }
    }

    /** File ▸ Restore backup…, first step: the backups of the open file, newest first (read in the background). */
    public void listBackups(Consumer<List<Backups.Backup>> then) {
        CoderFile open = file.get();
        if (open != null) {
            backups.list(open.path(), then, e -> onError.accept(text.getString("backup.couldNotList"), e));
        }
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
        Background.Job<Optional<Backups.Backup>> job = backups.restoring(backup, path, closing);
        status.set(job.title());
        status.busyWith(job);
        job.onSuccess(before -> {
            status.done(job);
            open(path);
        }).onFailure(e -> {
            status.done(job);
            onError.accept(text.getString("backup.couldNotRestore"), e);
            open(path);
        }).start();
    }

    /** Who and what; how far the coding has got is the list's progress line, which follows every change. */
    private String summary(Opened opened) {
        CoderFile f = opened.file();
        return MessageFormat.format(text.getString("main.status"), f.coder(), opened.studyName(),
                f.codebook().id() + " " + f.codebook().version());
    }

    public String statusText(RecordingStatus s) {
        return text.getString("status." + s.storedName());
    }

    public ObservableList<RecordingRow> recordings() {
        return recordings.rows();
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
        return status.textProperty();
    }

    /** "Saved 14:03:12", "Saving…", or why not. */
    public ReadOnlyStringProperty saveTextProperty() {
        return indicator.text();
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return indicator.state();
    }

    /** "3 of 12 done". */
    public ReadOnlyStringProperty progressTextProperty() {
        return recordings.progressTextProperty();
    }

    /** The running job's progress, 0 to 1, or -1 when it is not known. */
    public ReadOnlyDoubleProperty jobProgressProperty() {
        return status.progressProperty();
    }

    /** A problem with the open file that needs no dialog (its backup failed), or empty. */
    public ReadOnlyStringProperty fileNoticeProperty() {
        return backups.noticeProperty();
    }

    public BooleanBinding busyProperty() {
        return status.busyProperty();
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
        status.busyWith(job);
    }

    void setStatus(String s) {
        status.set(s);
    }

    void reportError(String doing, Throwable e) {
        onError.accept(doing, e);
    }
}

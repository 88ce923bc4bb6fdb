package org.earmark.ui.study;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.audio.Peaks;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.core.Progress;
import org.earmark.core.TimeFormat;
import org.earmark.model.Assignment;
import org.earmark.model.MergeReport;
import org.earmark.storage.StudyFile;
import org.earmark.study.Assigner;
import org.earmark.study.Merger;
import org.earmark.study.Packager;
import org.earmark.study.StudyStatus;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.shared.OpenStudy;

/**
 * State of the Study tab: recordings, coders and their progress, and the lead's actions on them —
 * assign, create packages, merge coder files. Every action calls the same study services as the
 * command line, as one background job with progress and cancel; the lists change only when it ends.
 */
public final class StudyViewModel {

    /** What one coder file brought, or why it was refused. */
    record MergeOutcome(Path file, MergeReport report, Throwable error) {
    }

    /** What a package job did before it ended. */
    record PackagesDone(List<Packager.Result> written, int asked, StudyStatus status) {
    }

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final OpenStudy study;
    private final Background background;
    private final ResourceBundle text;
    private final Clock clock;
    private final Function<Path, Peaks> peaks;
    private final ZoneId zone;

    private final ObservableList<RecordingRow> recordings = FXCollections.observableArrayList();
    private final ObservableList<CoderRow> coders = FXCollections.observableArrayList();
    private final ObservableList<String> eventColumns = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper assignmentLocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(0);
    private final org.earmark.ui.common.JobSlot slot = new org.earmark.ui.common.JobSlot();
    private final ObjectProperty<Background.Job<?>> job = slot.property();
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };

    /**
     * @param peaks a recording's waveform for its package, or {@code null} when it cannot be computed here
     *              (the coder's app then computes it)
     */
    public StudyViewModel(OpenStudy study, Background background, ResourceBundle text, Clock clock,
            Function<Path, Peaks> peaks, ZoneId zone) {
        this.study = study;
        this.background = background;
        this.text = text;
        this.clock = clock;
        this.peaks = peaks;
        this.zone = zone;
    }

    /** Where failures go; the window shows them in a dialog. */
    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    /** Reads the study's status again. */
    public void refresh() {
        start(background.job(text.getString("study.job.loading"), p -> study.call(StudyStatus::of)),
                text.getString("study.error.load"), this::show, () -> { }, false);
    }

    /** Replaces coders and assignments, as {@code earmark study assign} does. */
    public void assign(AssignForm.Request request) {
        run(text.getString("study.job.assigning"), text.getString("study.error.assign"), p -> study.call(s -> {
            List<String> ids = s.recordings().stream().map(r -> r.id()).toList();
            List<Assignment> assignments;
            try {
                assignments = Assigner.assign(ids, request.coders(), request.share(), request.seed());
            } catch (IllegalArgumentException e) {
                throw EarmarkException.badInput(e.getMessage());
            }
            s.assign(request.coders(), assignments, "coders " + request.coders() + ", double-coded share "
                    + request.share() + ", seed " + request.seed() + " (desktop app)");
            return StudyStatus.of(s);
        }), s -> {
            long doubled = s.recordings().stream().filter(r -> r.coders().size() >= 2).count();
            log(MessageFormat.format(text.getString("study.log.assigned"), s.recordings().size(),
                    request.coders().size(), String.join(", ", request.coders()), doubled,
                    Long.toString(request.seed())));
            show(s);
            changed();
        });
    }

    /** The package file for a coder in a folder. */
    public static Path packageFile(Path dir, String coder) {
        return dir.resolve("earmark-package-" + coder + ".zip");
    }

    /** Package files that {@link #createPackages} would replace. */
    public List<Path> existingPackages(Path dir, List<String> forCoders) {
        return forCoders.stream().map(c -> packageFile(dir, c)).filter(Files::exists).toList();
    }

    /** Writes one package per coder into a folder, as {@code earmark study package} does; cancel stops between steps. */
    public void createPackages(Path dir, List<String> forCoders) {
        List<String> chosen = List.copyOf(forCoders);
        List<Packager.Result> written = java.util.Collections.synchronizedList(new ArrayList<>());
        Background.Job<PackagesDone> job = background.job(text.getString("study.job.packaging"), p -> {
            for (int i = 0; i < chosen.size(); i++) {
                p.checkCancelled();
                String coder = chosen.get(i);
                p.update((double) i / chosen.size(), MessageFormat.format(text.getString("study.job.packagingCoder"),
                        coder, i + 1, chosen.size()));
                Progress part = part(p, i, chosen.size());
                written.add(study.call(s -> Packager.write(s, study.dir(), coder, packageFile(dir, coder), peaks,
                        clock, part)));
            }
            return new PackagesDone(List.copyOf(written), chosen.size(), study.call(StudyStatus::of));
        });
        start(job, text.getString("study.error.package"), done -> {
            done.written().forEach(this::logPackage);
            show(done.status());
        }, () -> {
            List<Packager.Result> soFar;
            synchronized (written) {
                soFar = List.copyOf(written);
            }
            soFar.forEach(this::logPackage);
            log(MessageFormat.format(text.getString("study.log.packagesCancelled"), soFar.size(), chosen.size()));
            refresh();
        });
    }

    private void logPackage(Packager.Result r) {
        log(MessageFormat.format(text.getString("study.log.package"), r.coder(), r.packageFile(), r.recordings()));
    }

    /** Only the coder files (*.earmark) among dropped or chosen files. */
    public static List<Path> coderFiles(List<File> files) {
        return files.stream().filter(f -> f.isFile() && f.getName().toLowerCase(Locale.ROOT).endsWith(".earmark"))
                .map(File::toPath).toList();
    }

    /** Merges coder files one after the other, as {@code earmark study merge} does; each file's report goes to the log. */
    public void merge(List<Path> files) {
        if (files.isEmpty()) {
            status.set(text.getString("study.merge.noCoderFiles"));
            return;
        }
        List<Path> chosen = List.copyOf(files);
        Background.Job<List<MergeOutcome>> job = background.job(text.getString("study.job.merging"), p -> {
            List<MergeOutcome> out = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                p.checkCancelled();
                Path file = chosen.get(i);
                p.update((double) i / chosen.size(), MessageFormat.format(text.getString("study.job.mergingFile"),
                        file.getFileName(), i + 1, chosen.size()));
                try {
                    out.add(new MergeOutcome(file, study.call(s -> Merger.merge(s, file)), null));
                } catch (Exception e) {
                    out.add(new MergeOutcome(file, null, e));
                }
            }
            return out;
        });
        start(job, text.getString("study.error.merge"), outcomes -> {
            for (MergeOutcome o : outcomes) {
                if (o.error() == null) {
                    logMerge(o.report());
                } else {
                    log(MessageFormat.format(text.getString("study.log.mergeFailed"), o.file().getFileName(),
                            Failures.describe(o.error()).message()));
                    onError.accept(MessageFormat.format(text.getString("study.error.mergeFile"), o.file().getFileName()),
                            o.error());
                }
            }
            changed();
            refresh();
        }, () -> {
            log(text.getString("study.log.mergeCancelled"));
            changed();
            refresh();
        });
    }

    private void logMerge(MergeReport r) {
        if (r.changedNothing()) {
            log(MessageFormat.format(text.getString("study.log.mergedNothingNew"), r.coderFile(), r.coder()));
            return;
        }
        log(MessageFormat.format(text.getString("study.log.merged"), r.coderFile(), r.coder(), r.added(), r.updated(),
                r.unchanged()));
        for (MergeReport.RecordingMerge m : r.recordings()) {
            log(MessageFormat.format(text.getString("study.log.mergedRecording"), m.recordingId(), m.added(),
                    m.updated(), m.unchanged(), m.liveEvents()));
        }
    }

    /** Tells the other screens that the study's coding changed (after a merge, an assignment or a saved consensus). */
    public void changed() {
        changes.set(changes.get() + 1);
    }

    private void show(StudyStatus s) {
        Set<String> columns = new LinkedHashSet<>(s.coders());
        List<RecordingRow> rows = new ArrayList<>();
        for (StudyStatus.RecordingStatusRow r : s.recordings()) {
            columns.addAll(r.events().keySet());
            rows.add(new RecordingRow(r.id(), TimeFormat.duration(r.durationMs()), r.coders(), r.events()));
        }
        if (columns.remove(StudyFile.CONSENSUS)) {
            columns.add(StudyFile.CONSENSUS); // the consensus comes last
        }
        if (!eventColumns.equals(new ArrayList<>(columns))) {
            eventColumns.setAll(columns);
        }
        recordings.setAll(rows);
        coders.setAll(s.progress().stream().map(p -> new CoderRow(p.coder(), p.assigned(), p.packaged(),
                p.lastMerge() == null ? null : shownTime(p.lastMerge()), p.done())).toList());
        assignmentLocked.set(s.progress().stream().anyMatch(StudyStatus.CoderProgress::packaged));
        long doubled = s.recordings().stream().filter(r -> r.coders().size() >= 2).count();
        status.set(MessageFormat.format(text.getString("study.status"), s.name(), s.recordings().size(),
                s.coders().size(), doubled));
    }

    private String shownTime(String stored) {
        try {
            return SHOWN_TIME.format(Instant.parse(stored).atZone(zone));
        } catch (RuntimeException e) {
            return stored;
        }
    }

    private void log(String line) {
        log.add(line);
    }

    private <T> void run(String title, String doing, Background.Work<T> work, Consumer<T> done) {
        start(background.job(title, work), doing, done, this::refresh, true);
    }

    /** Starts a job as this screen's one job, unless one is running. */
    private <T> void start(Background.Job<T> newJob, String doing, Consumer<T> done, Runnable cancelled) {
        start(newJob, doing, done, cancelled, true);
    }

    private <T> void start(Background.Job<T> newJob, String doing, Consumer<T> done, Runnable cancelled,
            boolean refreshAfterFailure) {
        boolean started = slot.start(newJob, done, e -> {
            onError.accept(doing, e);
            if (refreshAfterFailure) {
                refresh();
            }
        }, cancelled);
        if (!started) {
            status.set(text.getString("study.busy"));
        }
    }

    /** A part of a job's progress: step {@code i} of {@code n}. */
    static Progress part(Progress whole, int i, int n) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                whole.update((i + Math.max(0, fraction)) / n, message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    public String title() {
        return MessageFormat.format(text.getString("study.title"), study.name(), study.dir());
    }

    public OpenStudy study() {
        return study;
    }

    public ObservableList<RecordingRow> recordings() {
        return recordings;
    }

    public ObservableList<CoderRow> coders() {
        return coders;
    }

    /** The coders with an events column in the recordings table, the consensus (if any) last. */
    public ObservableList<String> eventColumns() {
        return eventColumns;
    }

    /** Reports of merges, packages and assignments, newest last. */
    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once any package has gone out: assignments can no longer change. */
    public ReadOnlyBooleanProperty assignmentLockedProperty() {
        return assignmentLocked.getReadOnlyProperty();
    }

    /** Goes up by one whenever the study's coding changes. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ObjectProperty<Background.Job<?>> jobProperty() {
        return job;
    }

    public BooleanBinding busyProperty() {
        return job.isNotNull();
    }

    public String yesNo(boolean b) {
        return text.getString(b ? "study.yes" : "study.no");
    }
}

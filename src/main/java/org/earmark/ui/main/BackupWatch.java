package org.earmark.ui.main;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.earmark.storage.Backups;
import org.earmark.storage.CoderFile;
import org.earmark.ui.common.Background;

/**
 * The open file's rolling backups, taken every few minutes while it changes, and the quiet notice shown when one
 * could not be taken: a failed backup must not interrupt coding with a dialog, yet the coder should know. Listing and
 * restoring backups run in the background from here too.
 */
final class BackupWatch {

    private final Background background;
    private final ResourceBundle text;
    private final ScheduledExecutorService timer;
    private final Duration every;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private ScheduledFuture<?> scheduled;
    private CoderFile watched;

    /** @param timer runs the backups; null for none (tests that do not exercise them) */
    BackupWatch(Background background, ResourceBundle text, ScheduledExecutorService timer, Duration every) {
        this.background = background;
        this.text = text;
        this.timer = timer;
        this.every = every;
    }

    /** Starts backing up {@code file}; the backup taken when it was opened may already have failed. */
    void watch(CoderFile file) {
        stop();
        watched = file;
        notice.set(file.backupProblem().map(this::describe).orElse(""));
        if (timer != null) {
            scheduled = Backups.schedule(file, timer, every, problem -> Platform.runLater(() -> {
                if (watched == file) {
                    notice.set(describe(problem));
                }
            }));
        }
    }

    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        watched = null;
        notice.set("");
    }

    /** The backups of {@code file}, newest first, read in the background. */
    void list(Path file, Consumer<List<Backups.Backup>> then, Consumer<Throwable> failed) {
        background.job(text.getString("backup.listing"), p -> Backups.list(file)).onSuccess(then).onFailure(failed)
                .start();
    }

    /**
     * The job that puts {@code backup} in place of {@code file} once {@code closed} says the file is closed (the
     * current state is backed up first, so the restore can itself be undone); not started yet.
     */
    Background.Job<Optional<Backups.Backup>> restoring(Backups.Backup backup, Path file,
            CompletableFuture<Void> closed) {
        return background.job(MessageFormat.format(text.getString("backup.restoring"), file.getFileName()), p -> {
            closed.join();
            return Backups.restore(backup.file(), file);
        });
    }

    private String describe(Exception problem) {
        return MessageFormat.format(text.getString("backup.problem"), problem.getMessage());
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

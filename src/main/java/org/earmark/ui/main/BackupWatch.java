package org.earmark.ui.main;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.earmark.storage.Backups;
import org.earmark.storage.CoderFile;

/**
 * The open file's rolling backups, taken every few minutes while it changes, and the quiet notice shown when one
 * could not be taken: a failed backup must not interrupt coding with a dialog, yet the coder should know.
 */
final class BackupWatch {

    private final ResourceBundle text;
    private final ScheduledExecutorService timer;
    private final Duration every;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private ScheduledFuture<?> scheduled;
    private CoderFile watched;

    /** @param timer runs the backups; null for none (tests that do not exercise them) */
    BackupWatch(ResourceBundle text, ScheduledExecutorService timer, Duration every) {
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

    private String describe(Exception problem) {
        return MessageFormat.format(text.getString("backup.problem"), problem.getMessage());
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

package org.earmark.ui.study.shared;

import java.nio.file.Path;
import java.time.Clock;
import org.earmark.codebook.Codebook;
import org.earmark.core.EarmarkException;
import org.earmark.storage.StudyFile;
import org.earmark.study.StudyFolder;

/**
 * A study folder open in the app. The study file is held (and so locked against a second
 * instance) while its window is open; background jobs of the Study, Results and Adjudication
 * screens reach it one at a time through {@link #call}, since one SQLite connection is not
 * shared between threads.
 */
public final class OpenStudy implements AutoCloseable {

    /** Work on the study file. */
    @FunctionalInterface
    public interface Work<T> {
        T run(StudyFile study) throws Exception;
    }

    private final Path dir;
    private final StudyFile file;
    private final Object lock = new Object();
    private boolean closed;

    private OpenStudy(Path dir, StudyFile file) {
        this.dir = dir;
        this.file = file;
    }

    /** Opens the study in a folder; disk work, so call it off the FX thread. */
    public static OpenStudy open(Path dir, Clock clock) {
        return new OpenStudy(dir, StudyFolder.open(dir, clock));
    }

    /** Runs work on the study file, after any other work on it has finished. */
    public <T> T call(Work<T> work) throws Exception {
        synchronized (lock) {
            if (closed) {
                throw EarmarkException.badInput("The study in " + dir + " has been closed.");
            }
            return work.run(file);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The study's name; read when it was opened, so safe on any thread. */
    public String name() {
        return file.name();
    }

    /** The study's codebook; read when it was opened, so safe on any thread. */
    public Codebook codebook() {
        return file.codebook();
    }

    /** Where a recording's anonymised audio is, from its path relative to the study folder. */
    public Path audio(String relativePath) {
        return dir.resolve(relativePath);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                file.close();
            }
        }
    }
}

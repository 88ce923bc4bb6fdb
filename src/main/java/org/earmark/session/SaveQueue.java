package org.earmark.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earmark.core.Failures;
import org.earmark.storage.CoderFile;

/**
 * The one way an open coder file is touched while it is being coded: an ordered, single-writer
 * queue. A key press only appends a write here (microseconds on the caller's thread); one writer
 * thread commits the writes in the order they were made, each in its own transaction, and reports
 * "saving…" until the last one is on disk and then the time it was saved. Reads go through the same
 * thread, after every write submitted before them, so they always see what the coder has done.
 *
 * <p>Status reports are delivered through the {@code callbacks} executor (the UI thread in the app).
 */
public final class SaveQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SaveQueue.class.getName());

    /** What the saved indicator shows: writes not yet on disk, when the last one was, the last failure. */
    public record Status(int pending, Instant lastSaved, String failure) {
        public boolean saving() {
            return pending > 0;
        }
    }

    /** One write to the coder file. */
    @FunctionalInterface
    public interface Write {
        void run(CoderFile file) throws Exception;
    }

    private final CoderFile file;
    private final Executor writer;
    private final ExecutorService owned;
    private final Executor callbacks;
    private final Clock clock;
    private final Object lock = new Object();
    private int pending;
    private Instant lastSaved;
    private String failure;
    private volatile Consumer<Status> listener = s -> { };

    private SaveQueue(CoderFile file, Executor writer, ExecutorService owned, Executor callbacks, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.writer = writer;
        this.owned = owned;
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A queue with its own writer thread. */
    public static SaveQueue start(CoderFile file, Executor callbacks, Clock clock) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "earmark-writer " + file.path().getFileName());
            t.setDaemon(true);
            return t;
        });
        return new SaveQueue(file, thread, thread, callbacks, clock);
    }

    /**
     * A queue on executors of the caller's choosing; {@code writer} must run tasks one at a time, in
     * the order given (tests use one they step by hand).
     */
    public static SaveQueue withExecutors(CoderFile file, Executor writer, Executor callbacks, Clock clock) {
        return new SaveQueue(file, writer, null, callbacks, clock);
    }

    /** Writes and callbacks on the calling thread, in order: for tests. */
    public static SaveQueue onCallingThread(CoderFile file, Clock clock) {
        return new SaveQueue(file, Runnable::run, null, Runnable::run, clock);
    }

    public CoderFile file() {
        return file;
    }

    /** Who hears about status changes (on the callbacks executor). */
    public void setListener(Consumer<Status> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Appends a write; it runs after every write submitted before it. A failing write is reported
     * in the status (and logged when unexpected); later writes still run.
     */
    public void write(String what, Write write) {
        Objects.requireNonNull(write, "write");
        synchronized (lock) {
            pending++;
        }
        publish();
        writer.execute(() -> {
            String problem = null;
            try {
                write.run(file);
            } catch (Throwable e) {
                Failures.Failure f = Failures.describe(e);
                if (f.unexpected()) {
                    LOG.log(Level.SEVERE, "Could not save: " + what, e);
                }
                problem = what + ": " + f.message();
            }
            synchronized (lock) {
                pending--;
                if (problem == null) {
                    lastSaved = clock.instant();
                } else {
                    failure = problem;
                }
            }
            publish();
        });
    }

    /**
     * Appends housekeeping (such as storing waveform peaks) in the same order as the coder's writes,
     * without showing "saving…": a failure is logged, not shown, as nothing the coder did is lost.
     */
    public void writeQuietly(String what, Write write) {
        writer.execute(() -> {
            try {
                write.run(file);
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "Could not " + what, e);
            }
        });
    }

    /** Reads from the file on the writer thread, after every write submitted before it. */
    public <T> CompletableFuture<T> read(Function<CoderFile, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        writer.execute(() -> {
            try {
                result.complete(query.apply(file));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Clears a reported failure once the user has seen it. */
    public void acknowledgeFailure() {
        synchronized (lock) {
            failure = null;
        }
        publish();
    }

    public Status status() {
        synchronized (lock) {
            return new Status(pending, lastSaved, failure);
        }
    }

    /** Waits until every write submitted so far is on disk (or has failed). */
    public void flush() {
        read(f -> null).join();
    }

    /** Commits what is queued, then stops the writer thread. The coder file stays open. */
    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            if (!owned.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.severe("Writes to " + file.path() + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells the listener; it reads the status when the callback runs, not when it was scheduled, so
     * callbacks from two threads cannot leave it showing a stale state.
     */
    private void publish() {
        callbacks.execute(() -> listener.accept(status()));
    }
}

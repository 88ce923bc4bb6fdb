package org.earmark.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.earmark.core.Progress;

/**
 * The one way the UI runs disk, SQLite, decoding and statistics work: off the FX thread, with
 * progress and cancel, and with the UI touched only in the success and failure callbacks (which run
 * on the FX thread). Tests use {@link #onCallingThread()} so everything happens in order.
 */
public final class Background implements AutoCloseable {

    /** Work that may report progress and should stop when cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final Executor worker;
    private final Executor ui;
    private final ExecutorService owned;

    private Background(Executor worker, Executor ui, ExecutorService owned) {
        this.worker = worker;
        this.ui = ui;
        this.owned = owned;
    }

    /** Work on daemon threads, callbacks on the FX thread. */
    public static Background forFx() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "earmark-background");
            t.setDaemon(true);
            return t;
        });
        return new Background(pool, Platform::runLater, pool);
    }

    /** Everything on the calling thread, for view-model tests. */
    public static Background onCallingThread() {
        return new Background(Runnable::run, Runnable::run, null);
    }

    public <T> Job<T> job(String title, Work<T> work) {
        return new Job<>(title, work);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** One piece of work; its properties change on the FX thread only. */
    public final class Job<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<T> onSuccess = r -> { };
        private Consumer<Throwable> onFailure = e -> { };
        private Runnable onCancelled = () -> { };
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

        private Job(String title, Work<T> work) {
            this.title = Objects.requireNonNull(title, "title");
            this.work = Objects.requireNonNull(work, "work");
        }

        public Job<T> onSuccess(Consumer<T> callback) {
            this.onSuccess = Objects.requireNonNull(callback);
            return this;
        }

        public Job<T> onFailure(Consumer<Throwable> callback) {
            this.onFailure = Objects.requireNonNull(callback);
            return this;
        }

        public Job<T> onCancelled(Runnable callback) {
            this.onCancelled = Objects.requireNonNull(callback);
            return this;
        }

        public Job<T> start() {
            running.set(true);
            message.set(title);
            Progress reporter = new Progress() {
                @Override
                public void update(double fraction, String text) {
                    ui.execute(() -> {
                        progress.set(fraction);
                        if (text != null) {
                            message.set(text);
                        }
                    });
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            worker.execute(() -> {
                try {
                    T result = work.run(reporter);
                    ui.execute(() -> finish(() -> {
                        if (cancelled.get()) {
                            onCancelled.run();
                        } else {
                            onSuccess.accept(result);
                        }
                    }));
                } catch (Throwable e) {
                    ui.execute(() -> finish(() -> {
                        if (cancelled.get()) {
                            onCancelled.run();
                        } else {
                            onFailure.accept(e);
                        }
                    }));
                }
            });
            return this;
        }

        public void cancel() {
            cancelled.set(true);
        }

        private void finish(Runnable callback) {
            running.set(false);
            progress.set(1);
            callback.run();
        }

        public String title() {
            return title;
        }

        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }
    }
}

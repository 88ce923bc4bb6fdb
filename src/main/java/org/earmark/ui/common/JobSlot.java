package org.earmark.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A screen's one background job at a time: held in a property while it runs, cleared however it ends. */
public final class JobSlot {

    private final ObjectProperty<Background.Job<?>> job = new SimpleObjectProperty<>();

    public ObjectProperty<Background.Job<?>> property() {
        return job;
    }

    /**
     * Starts the job unless one is already running, in which case nothing starts and this returns
     * false. Exactly one of the callbacks runs when the job ends, after the slot is free again.
     */
    public <T> boolean start(Background.Job<T> newJob, Consumer<T> done, Consumer<Throwable> failed,
            Runnable cancelled) {
        if (job.get() != null) {
            return false;
        }
        job.set(newJob);
        newJob.onSuccess(result -> {
            job.set(null);
            done.accept(result);
        }).onFailure(e -> {
            job.set(null);
            failed.accept(e);
        }).onCancelled(() -> {
            job.set(null);
            cancelled.run();
        }).start();
        return true;
    }
}

package org.earmark.ui.adjudication;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.earmark.audio.Peaks;
import org.earmark.core.Failures;
import org.earmark.model.StudyRecording;
import org.earmark.ui.common.Background;

/**
 * The adjudication screen's waveform: computed in the background for the recording shown, kept per recording so
 * stepping back and forth between recordings decodes each once, and dropped (the job cancelled) when the lead moves on
 * before it is ready.
 */
final class WaveformSlot {

    private final Background background;
    private final ResourceBundle text;
    private final AdjudicationViewModel.PeaksLoader loader;
    private final ReadOnlyObjectWrapper<Peaks> peaks = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Background.Job<?>> job = new SimpleObjectProperty<>();
    private final Map<String, Peaks> byRecording = new HashMap<>();
    private String shown;

    WaveformSlot(Background background, ResourceBundle text, AdjudicationViewModel.PeaksLoader loader) {
        this.background = background;
        this.text = text;
        this.loader = loader;
    }

    /** Shows {@code recording}'s waveform, computing it from {@code audio} first if needed. */
    void show(StudyRecording recording, Path audio, Consumer<String> unavailable) {
        cancel();
        shown = recording.id();
        Peaks cached = byRecording.get(recording.id());
        peaks.set(cached);
        if (cached != null) {
            return;
        }
        Background.Job<Peaks> newJob = background.job(MessageFormat.format(text.getString("adjudication.job.waveform"),
                recording.id()), p -> loader.load(audio, p));
        job.set(newJob);
        newJob.onSuccess(result -> {
            finished(newJob);
            byRecording.put(recording.id(), result);
            if (recording.id().equals(shown)) {
                peaks.set(result);
            }
        }).onFailure(e -> {
            finished(newJob);
            unavailable.accept(MessageFormat.format(text.getString("adjudication.waveform.unavailable"),
                    Failures.describe(e).message()));
        }).onCancelled(() -> finished(newJob)).start();
    }

    private void finished(Background.Job<?> done) {
        if (job.get() == done) {
            job.set(null);
        }
    }

    void cancel() {
        Background.Job<?> running = job.get();
        if (running != null) {
            running.cancel();
        }
    }

    ReadOnlyObjectProperty<Peaks> peaksProperty() {
        return peaks.getReadOnlyProperty();
    }

    ObjectProperty<Background.Job<?>> jobProperty() {
        return job;
    }
}

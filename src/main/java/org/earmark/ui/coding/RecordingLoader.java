package org.earmark.ui.coding;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.earmark.audio.Peaks;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.session.CodingSession;
import org.earmark.session.RecordingAudio;
import org.earmark.session.SaveQueue;
import org.earmark.storage.CoderFile;
import org.earmark.ui.coding.timeline.PeaksSource;
import org.earmark.ui.common.Background;
import org.earmark.ui.player.PlaybackUnavailable;
import org.earmark.ui.player.Player;
import org.earmark.ui.player.PlayerFactory;
import org.earmark.ui.player.SilentPlayer;

/**
 * Loads a recording for coding, off the FX thread: its events and ratings (through the save queue,
 * so they include every queued write), its audio (found, checked against its sha256, opened for
 * playing) and then its waveform (stored peaks, or computed once and stored). Any problem with the
 * audio becomes a notice, and coding goes on with a silent playhead.
 */
public final class RecordingLoader {

    /** What loading needs from the composition root. */
    public record Parts(Background background, PlayerFactory players, LongSupplier nanoTime, PeaksSource peaks) {
    }

    private record Loaded(List<Event> events, Map<String, Integer> ratings, RecordingStatus status,
            RecordingAudio.Located audio, Player player, PlaybackUnavailable unplayable) {
    }

    private final Parts parts;
    private final CodingViewModel model;
    private final ResourceBundle text;
    private final RecordingAudio audio = new RecordingAudio();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private SaveQueue queue;
    private int generation;
    private Background.Job<?> loadJob;
    private Background.Job<?> peaksJob;
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };

    RecordingLoader(Parts parts, CodingViewModel model, ResourceBundle text) {
        this.parts = parts;
        this.model = model;
        this.text = text;
    }

    void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    void attach(SaveQueue q) {
        this.queue = q;
    }

    /** Forgets any load under way; its result, if it comes, is thrown away (and its player disposed). */
    void cancel() {
        generation++;
        if (loadJob != null) {
            loadJob.cancel();
        }
        if (peaksJob != null) {
            peaksJob.cancel();
        }
        loadJob = null;
        peaksJob = null;
        loading.set(false);
    }

    void load(Recording r) {
        cancel();
        int gen = generation;
        SaveQueue q = queue;
        long knownMs = r.durationMs() == null ? -1 : r.durationMs();
        loading.set(true);
        Background.Job<Loaded> job = parts.background().job(format("coding.loadingRecording", r.id()), progress -> {
            record Stored(List<Event> events, Map<String, Integer> ratings, RecordingStatus status) {
            }
            Stored stored = q.read(f -> new Stored(f.events(r.id()), f.ratings(r.id()), statusOf(f, r.id()))).get();
            RecordingAudio.Located located = audio.locate(q.file().path(), r, progress);
            Player player = null;
            PlaybackUnavailable unplayable = null;
            if (located.playable()) {
                try {
                    player = parts.players().open(located.path(), knownMs);
                } catch (PlaybackUnavailable e) {
                    unplayable = e;
                }
            }
            return new Loaded(stored.events(), stored.ratings(), stored.status(), located, player, unplayable);
        });
        loadJob = job;
        job.onSuccess(loaded -> {
            if (gen != generation) {
                if (loaded.player() != null) {
                    loaded.player().dispose();
                }
                return;
            }
            loading.set(false);
            install(gen, q, r, loaded, knownMs);
        }).onFailure(e -> {
            if (gen == generation) {
                loading.set(false);
                onError.accept(format("coding.couldNotLoad", r.id()), e);
            }
        }).start();
    }

    private static RecordingStatus statusOf(CoderFile f, String id) {
        return f.progress().stream().filter(p -> p.recording().id().equals(id)).map(RecordingProgress::status)
                .findFirst().orElse(RecordingStatus.NOT_STARTED);
    }

    private void install(int gen, SaveQueue q, Recording r, Loaded loaded, long knownMs) {
        CodingSession session = new CodingSession(q, q.file().codebook(), r, loaded.events(), loaded.ratings(),
                loaded.status(), model.clock());
        model.install(session);
        Player player = loaded.player() != null ? loaded.player() : silent(knownMs);
        player.setOnFailure(failure -> {
            if (gen == generation) {
                long at = model.transport().now();
                Player fallback = silent(knownMs);
                model.transport().setPlayer(fallback, knownMs);
                fallback.seek(at);
                model.setNotice(playbackNotice(r, failure));
            }
        });
        model.transport().setPlayer(player, knownMs);
        model.setNotice(notice(r, loaded));
        loadPeaks(gen, q, r, loaded.audio());
    }

    private Player silent(long knownMs) {
        return new SilentPlayer(parts.nanoTime(), knownMs);
    }

    private void loadPeaks(int gen, SaveQueue q, Recording r, RecordingAudio.Located located) {
        String sha = r.sha256() != null ? r.sha256() : located.sha256();
        var timeline = model.timeline();
        Background.Job<Peaks> job = parts.background().job(text.getString("waveform.computing"), progress -> {
            Optional<Peaks> stored = q.read(f -> f.peaks(r.id(), sha)).get();
            if (stored.isPresent()) {
                return stored.get();
            }
            if (!located.playable() && located.problem() != RecordingAudio.Problem.NONE) {
                throw new PeaksSource.WaveformUnavailable(text.getString("waveform.noAudio"));
            }
            Peaks peaks = parts.peaks().load(r, located.path(), progress);
            q.writeQuietly("store the waveform of " + r.id(), f -> f.storePeaks(r.id(), sha, peaks));
            return peaks;
        });
        peaksJob = job;
        timeline.waveformLoadingProperty().set(true);
        timeline.waveformProgressProperty().bind(job.progressProperty());
        job.onSuccess(peaks -> {
            if (gen == generation) {
                endPeaks();
                timeline.peaksProperty().set(peaks);
            }
        }).onFailure(e -> {
            if (gen == generation) {
                endPeaks();
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                        ? e.getCause() : e;
                String detail = cause instanceof PeaksSource.WaveformUnavailable ? cause.getMessage()
                        : org.earmark.core.Failures.describe(cause).message();
                timeline.waveformMessageProperty().set(format("waveform.unavailable", detail));
            }
        }).start();
    }

    private void endPeaks() {
        model.timeline().waveformProgressProperty().unbind();
        model.timeline().waveformProgressProperty().set(-1);
        model.timeline().waveformLoadingProperty().set(false);
    }

    private String notice(Recording r, Loaded loaded) {
        RecordingAudio.Located a = loaded.audio();
        String name = a.path() == null ? "" : a.path().getFileName().toString();
        return switch (a.problem()) {
            case NOT_LISTED -> format("audio.notListed", r.id());
            case MISSING -> format("audio.missing", r.id(), name);
            case UNREADABLE -> format("audio.unreadable", r.id(), name);
            case CHECKSUM -> format("audio.checksum", r.id(), name);
            case NONE -> loaded.unplayable() == null ? "" : playbackNotice(r, loaded.unplayable());
        };
    }

    private String playbackNotice(Recording r, PlaybackUnavailable why) {
        return switch (why.reason()) {
            case NO_DEVICE -> format("play.noDevice", r.id());
            case UNSUPPORTED -> format("play.unsupported", r.id(), String.valueOf(why.getMessage()));
            case UNREADABLE -> format("play.unreadable", r.id(), String.valueOf(why.getMessage()));
        };
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(text.getString(key), args);
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}

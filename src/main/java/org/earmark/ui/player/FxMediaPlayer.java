package org.earmark.ui.player;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/**
 * Sound through javafx-media (WAV everywhere; MP3 and M4A where libavcodec is installed). Wraps one
 * {@link MediaPlayer}; {@link #dispose()} removes its handlers and releases it, so a new recording
 * always gets a new player. Between the media clock's updates the playhead is interpolated so it
 * moves smoothly.
 */
public final class FxMediaPlayer implements Player {

    /** How far the playhead may run ahead of the media clock when interpolating. */
    private static final long MAX_EXTRAPOLATION_MS = 300;

    private final MediaPlayer player;
    private final LongSupplier nanoTime;
    private final long knownDurationMs;
    private boolean ready;
    private boolean wantPlaying;
    private long pendingSeekMs = -1;
    private double rate = 1;
    private long lastMediaMs = -1;
    private long lastChangeNanos;
    private long seekTargetMs = -1;
    private long seekNanos;
    private Runnable onEnd = () -> { };
    private Consumer<PlaybackUnavailable> onFailure;
    private PlaybackUnavailable failure;

    private FxMediaPlayer(MediaPlayer player, long knownDurationMs, LongSupplier nanoTime) {
        this.player = player;
        this.knownDurationMs = knownDurationMs;
        this.nanoTime = nanoTime;
        player.setOnReady(() -> {
            ready = true;
            player.setRate(rate);
            if (pendingSeekMs >= 0) {
                player.seek(Duration.millis(pendingSeekMs));
                pendingSeekMs = -1;
            }
        });
        player.setOnEndOfMedia(() -> {
            wantPlaying = false;
            player.pause();
            onEnd.run();
        });
        player.setOnError(() -> fail(translate(player.getError())));
    }

    /** Opens the file for playing; throws when it cannot be played here. */
    public static FxMediaPlayer open(Path audio, long knownDurationMs) throws PlaybackUnavailable {
        Media media;
        try {
            media = new Media(audio.toUri().toString());
        } catch (MediaException e) {
            throw translate(e);
        }
        try {
            return new FxMediaPlayer(new MediaPlayer(media), knownDurationMs, System::nanoTime);
        } catch (MediaException e) {
            throw translate(e);
        }
    }

    /** What a javafx-media failure means for the coder. */
    static PlaybackUnavailable translate(MediaException e) {
        if (e == null) {
            return new PlaybackUnavailable(PlaybackUnavailable.Reason.UNSUPPORTED, "unknown media error", null);
        }
        String detail = String.valueOf(e.getMessage());
        PlaybackUnavailable.Reason reason = switch (e.getType()) {
            case MEDIA_UNAVAILABLE, MEDIA_INACCESSIBLE -> PlaybackUnavailable.Reason.UNREADABLE;
            case UNKNOWN -> detail.contains("Could not create player") ? PlaybackUnavailable.Reason.NO_DEVICE
                    : PlaybackUnavailable.Reason.UNSUPPORTED;
            default -> PlaybackUnavailable.Reason.UNSUPPORTED;
        };
        return new PlaybackUnavailable(reason, detail, e);
    }

    @Override
    public void play() {
        wantPlaying = true;
        lastMediaMs = -1;
        player.play();
    }

    @Override
    public void pause() {
        long at = positionMs();
        wantPlaying = false;
        player.pause();
        seekTargetMs = at;
        seekNanos = nanoTime.getAsLong();
    }

    @Override
    public boolean isPlaying() {
        return wantPlaying;
    }

    @Override
    public void seek(long ms) {
        long at = Math.max(0, ms);
        long duration = durationMs();
        if (duration >= 0) {
            at = Math.min(at, duration);
        }
        seekTargetMs = at;
        seekNanos = nanoTime.getAsLong();
        lastMediaMs = -1;
        if (ready) {
            player.seek(Duration.millis(at));
        } else {
            pendingSeekMs = at;
        }
    }

    @Override
    public long positionMs() {
        long now = nanoTime.getAsLong();
        long media = Math.round(player.getCurrentTime().toMillis());
        if (seekTargetMs >= 0) {
            // Until the media clock has caught up with a seek (or a pause), trust the target.
            boolean caughtUp = Math.abs(media - seekTargetMs) < MAX_EXTRAPOLATION_MS && (!wantPlaying
                    || media != lastMediaMs);
            if (!caughtUp && now - seekNanos < 1_000_000_000L) {
                return wantPlaying ? seekTargetMs + elapsedMs(seekNanos, now) : seekTargetMs;
            }
            seekTargetMs = -1;
        }
        if (!wantPlaying || player.getStatus() != MediaPlayer.Status.PLAYING) {
            return media;
        }
        if (media != lastMediaMs) {
            lastMediaMs = media;
            lastChangeNanos = now;
            return media;
        }
        return media + Math.min(MAX_EXTRAPOLATION_MS, elapsedMs(lastChangeNanos, now));
    }

    private long elapsedMs(long fromNanos, long now) {
        return Math.round((now - fromNanos) / 1e6 * rate);
    }

    @Override
    public long durationMs() {
        Duration d = player.getMedia().getDuration();
        if (d == null || d.isUnknown() || d.isIndefinite()) {
            return knownDurationMs;
        }
        return Math.round(d.toMillis());
    }

    @Override
    public void setRate(double rate) {
        this.rate = rate;
        player.setRate(rate);
    }

    @Override
    public boolean audible() {
        return true;
    }

    @Override
    public void setOnEnd(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public void setOnFailure(Consumer<PlaybackUnavailable> onFailure) {
        this.onFailure = onFailure;
        if (failure != null) {
            onFailure.accept(failure);
        }
    }

    /** A failure before anyone listens (the player was opened off the FX thread) is kept for the listener. */
    private void fail(PlaybackUnavailable e) {
        failure = e;
        if (onFailure != null) {
            onFailure.accept(e);
        }
    }

    @Override
    public void dispose() {
        player.setOnReady(null);
        player.setOnEndOfMedia(null);
        player.setOnError(null);
        onEnd = () -> { };
        onFailure = null;
        player.stop();
        player.dispose();
    }
}

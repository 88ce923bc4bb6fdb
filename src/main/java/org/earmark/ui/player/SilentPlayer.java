package org.earmark.ui.player;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A playhead driven by a clock, without sound: coding goes on (viewing, seeking, editing events)
 * when a recording cannot be heard. Tests drive it with a clock of their own.
 */
public final class SilentPlayer implements Player {

    private final LongSupplier nanoTime;
    private final long durationMs;
    private long anchorMs;
    private long anchorNanos;
    private double rate = 1;
    private boolean playing;
    private Runnable onEnd = () -> { };

    /** @param durationMs the recording's length; negative when unknown (then the playhead has no end) */
    public SilentPlayer(LongSupplier nanoTime, long durationMs) {
        this.nanoTime = nanoTime;
        this.durationMs = durationMs;
    }

    @Override
    public void play() {
        if (playing) {
            return;
        }
        if (durationMs >= 0 && anchorMs >= durationMs) {
            anchorMs = 0;
        }
        anchorNanos = nanoTime.getAsLong();
        playing = true;
    }

    @Override
    public void pause() {
        anchorMs = positionMs();
        playing = false;
    }

    @Override
    public boolean isPlaying() {
        positionMs();
        return playing;
    }

    @Override
    public void seek(long ms) {
        anchorMs = clamp(ms);
        anchorNanos = nanoTime.getAsLong();
    }

    @Override
    public long positionMs() {
        if (!playing) {
            return anchorMs;
        }
        long at = anchorMs + Math.round((nanoTime.getAsLong() - anchorNanos) / 1e6 * rate);
        if (durationMs >= 0 && at >= durationMs) {
            anchorMs = durationMs;
            playing = false;
            onEnd.run();
            return durationMs;
        }
        return at;
    }

    @Override
    public long durationMs() {
        return durationMs;
    }

    @Override
    public void setRate(double rate) {
        anchorMs = positionMs();
        anchorNanos = nanoTime.getAsLong();
        this.rate = rate;
    }

    @Override
    public boolean audible() {
        return false;
    }

    @Override
    public void setOnEnd(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public void setOnFailure(Consumer<PlaybackUnavailable> onFailure) {
        // A clock does not fail.
    }

    @Override
    public void dispose() {
        playing = false;
    }

    private long clamp(long ms) {
        long at = Math.max(0, ms);
        return durationMs >= 0 ? Math.min(at, durationMs) : at;
    }
}

package org.earmark.ui.coding;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.earmark.ui.player.PlaybackUnavailable;
import org.earmark.ui.player.Player;
import org.earmark.ui.player.SilentPlayer;

/** A player that "sounds" on a test clock, and can fail the way javafx-media does after opening. */
final class FakePlayer implements Player {

    private final SilentPlayer clock;
    private Consumer<PlaybackUnavailable> onFailure = e -> { };
    boolean disposed;

    FakePlayer(LongSupplier nanos, long durationMs) {
        clock = new SilentPlayer(nanos, durationMs);
    }

    void fail(PlaybackUnavailable.Reason reason, String detail) {
        onFailure.accept(new PlaybackUnavailable(reason, detail, null));
    }

    @Override
    public void play() {
        clock.play();
    }

    @Override
    public void pause() {
        clock.pause();
    }

    @Override
    public boolean isPlaying() {
        return clock.isPlaying();
    }

    @Override
    public void seek(long ms) {
        clock.seek(ms);
    }

    @Override
    public long positionMs() {
        return clock.positionMs();
    }

    @Override
    public long durationMs() {
        return clock.durationMs();
    }

    @Override
    public void setRate(double rate) {
        clock.setRate(rate);
    }

    @Override
    public boolean audible() {
        return true;
    }

    @Override
    public void setOnEnd(Runnable onEnd) {
        clock.setOnEnd(onEnd);
    }

    @Override
    public void setOnFailure(Consumer<PlaybackUnavailable> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void dispose() {
        disposed = true;
        clock.dispose();
    }
}

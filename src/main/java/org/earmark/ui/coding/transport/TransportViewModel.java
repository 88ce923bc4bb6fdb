package org.earmark.ui.coding.transport;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import org.earmark.core.TimeFormat;
import org.earmark.ui.player.Player;

/**
 * Play, pause, seek, jump and speed for the recording being coded. Holds the one {@link Player};
 * a new player disposes the old one. {@link #tick()} (every frame) copies the player's position into
 * {@link #positionProperty()}; {@link #now()} reads it fresh for a key press.
 */
public final class TransportViewModel {

    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 2.0;
    static final double RATE_STEP = 0.25;

    private Player player;
    private final LongProperty position = new SimpleLongProperty();
    private final LongProperty duration = new SimpleLongProperty(-1);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final BooleanProperty audible = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final DoubleProperty rate = new SimpleDoubleProperty(1);
    private final StringBinding timeText;
    private final StringBinding rateText;

    public TransportViewModel() {
        timeText = Bindings.createStringBinding(() -> TimeFormat.moment(position.get()) + " / "
                + (duration.get() < 0 ? "--:--.-" : TimeFormat.moment(duration.get())), position, duration);
        rateText = Bindings.createStringBinding(() -> {
            double r = rate.get();
            return String.format(r * 10 == Math.rint(r * 10) ? "%.1f\u00d7" : "%.2f\u00d7", r);
        }, rate);
    }

    /** Plays this player from now on (at the current speed); disposes the previous one. */
    public void setPlayer(Player next, long knownDurationMs) {
        clear();
        player = next;
        player.setOnEnd(() -> playing.set(false));
        player.setRate(rate.get());
        long d = player.durationMs();
        duration.set(d >= 0 ? d : knownDurationMs);
        audible.set(player.audible());
        ready.set(true);
        position.set(player.positionMs());
    }

    /** Stops and disposes the player, if any. */
    public void clear() {
        if (player != null) {
            player.setOnEnd(() -> { });
            player.dispose();
            player = null;
        }
        playing.set(false);
        ready.set(false);
        position.set(0);
        duration.set(-1);
        audible.set(false);
    }

    /** Copies the player's state into the properties; the view calls it every frame. */
    public void tick() {
        if (player == null) {
            return;
        }
        position.set(player.positionMs());
        playing.set(player.isPlaying());
        long d = player.durationMs();
        if (d >= 0 && d != duration.get()) {
            duration.set(d);
        }
    }

    /** The playhead right now, read from the player (0 without one). */
    public long now() {
        return player == null ? position.get() : player.positionMs();
    }

    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (player.isPlaying()) {
            player.pause();
        } else {
            player.play();
        }
        tick();
    }

    public void pause() {
        if (player != null && player.isPlaying()) {
            player.pause();
            tick();
        }
    }

    public void seek(long ms) {
        if (player == null) {
            return;
        }
        long at = Math.max(0, ms);
        if (duration.get() >= 0) {
            at = Math.min(at, duration.get());
        }
        player.seek(at);
        position.set(at);
    }

    public void jumpBy(long deltaMs) {
        seek(now() + deltaMs);
    }

    public void toStart() {
        seek(0);
    }

    public void toEnd() {
        if (duration.get() >= 0) {
            seek(duration.get());
        }
    }

    public void faster() {
        setRate(rate.get() + RATE_STEP);
    }

    public void slower() {
        setRate(rate.get() - RATE_STEP);
    }

    public void setRate(double r) {
        double clamped = Math.max(MIN_RATE, Math.min(MAX_RATE, Math.round(r / RATE_STEP) * RATE_STEP));
        rate.set(clamped);
        if (player != null) {
            player.setRate(clamped);
        }
    }

    public ReadOnlyLongProperty positionProperty() {
        return position;
    }

    public ReadOnlyLongProperty durationProperty() {
        return duration;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyBooleanProperty audibleProperty() {
        return audible;
    }

    /** Whether a recording is loaded and can be played or scrubbed. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate;
    }

    public StringBinding timeText() {
        return timeText;
    }

    public StringBinding rateText() {
        return rateText;
    }
}

package org.earmark.ui.player;

import java.util.function.Consumer;

/**
 * Plays one recording. The coding view reads {@link #positionMs()} every frame to move the playhead
 * and at every key press to place a tag. Implementations: {@link FxMediaPlayer} (sound through
 * javafx-media) and {@link SilentPlayer} (a clock, for coding without sound).
 */
public interface Player {

    void play();

    void pause();

    boolean isPlaying();

    /** Moves the playhead; it stays within the recording. */
    void seek(long ms);

    /** Where the playhead is now, read fresh (not the last frame's value). */
    long positionMs();

    /** The recording's length, or a negative number while it is not known yet. */
    long durationMs();

    /** Playback speed, 0.5 to 2. */
    void setRate(double rate);

    /** Whether the coder hears anything. */
    boolean audible();

    /** Called (on the FX thread) when playback stops at the end of the recording. */
    void setOnEnd(Runnable onEnd);

    /** Called (on the FX thread) when playback fails after it was opened, e.g. a format it cannot decode. */
    void setOnFailure(Consumer<PlaybackUnavailable> onFailure);

    /** Releases the player; it is unusable afterwards. */
    void dispose();
}

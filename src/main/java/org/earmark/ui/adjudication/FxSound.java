package org.earmark.ui.adjudication;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/**
 * Sound through JavaFX media. On a computer without a sound device creating the player throws
 * {@code MediaException}; the caller turns that into a message and adjudicates without sound.
 * The player is disposed when the recording changes or the window closes.
 */
public final class FxSound implements Sound {

    private final MediaPlayer player;

    private FxSound(MediaPlayer player) {
        this.player = player;
    }

    /** A {@link Sound.Factory} for the app; call on the FX thread. */
    public static Sound open(Path audio, Consumer<String> onError) {
        Media media = new Media(audio.toUri().toString());
        MediaPlayer player = new MediaPlayer(media);
        player.setOnError(() -> onError.accept(player.getError() == null ? "" : player.getError().getMessage()));
        return new FxSound(player);
    }

    @Override
    public void play(long fromMs, long toMs) {
        player.stop();
        player.setStartTime(Duration.millis(fromMs));
        player.setStopTime(Duration.millis(toMs));
        player.play();
    }

    @Override
    public void stop() {
        player.stop();
    }

    @Override
    public void close() {
        player.stop();
        player.dispose();
    }
}

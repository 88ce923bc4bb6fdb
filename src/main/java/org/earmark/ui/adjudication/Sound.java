package org.earmark.ui.adjudication;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Plays stretches of one recording. The app uses JavaFX media; tests use a fake. */
public interface Sound extends AutoCloseable {

    /** Opens a recording's audio; throws when this computer cannot play it (no sound device, no codec). */
    @FunctionalInterface
    interface Factory {
        Sound open(Path audio, Consumer<String> onError) throws Exception;
    }

    /** Plays from one moment to another, stopping whatever was playing. */
    void play(long fromMs, long toMs);

    void stop();

    /** Frees the player; it cannot be used afterwards. */
    @Override
    void close();
}

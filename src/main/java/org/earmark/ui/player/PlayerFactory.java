package org.earmark.ui.player;

import java.nio.file.Path;

/** Opens a player for an audio file; the app uses {@link FxMediaPlayer#open}, tests what they need. */
@FunctionalInterface
public interface PlayerFactory {

    /**
     * @param knownDurationMs the recording's length as the coder file knows it, or negative
     * @throws PlaybackUnavailable when the file cannot be played here (no sound device, format)
     */
    Player open(Path audio, long knownDurationMs) throws PlaybackUnavailable;
}

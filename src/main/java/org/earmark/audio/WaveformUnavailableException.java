package org.earmark.audio;

import org.earmark.core.EarmarkException;

/**
 * This machine cannot draw the recording's waveform (an M4A without ffmpeg), though the recording
 * itself may still play and be coded. Callers tell the user and carry on without a waveform.
 */
public final class WaveformUnavailableException extends EarmarkException {
    public WaveformUnavailableException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}

package org.earmark.ui.coding.timeline;

import java.nio.file.Path;
import org.earmark.audio.Peaks;
import org.earmark.core.Progress;
import org.earmark.model.Recording;

/**
 * Computes a recording's waveform peaks from its audio, off the FX thread. Results are kept in the
 * coder file (keyed by the audio's sha256), so this runs once per recording.
 */
@FunctionalInterface
public interface PeaksSource {

    /** @throws WaveformUnavailable when this machine cannot decode the file's format */
    Peaks load(Recording recording, Path audio, Progress progress) throws Exception;

    /** The waveform cannot be drawn, but the recording can still be coded. */
    final class WaveformUnavailable extends Exception {
        public WaveformUnavailable(String detail) {
            super(detail);
        }
    }
}

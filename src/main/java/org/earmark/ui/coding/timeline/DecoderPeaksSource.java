package org.earmark.ui.coding.timeline;

import java.nio.file.Path;
import org.earmark.audio.Peaks;
import org.earmark.audio.WaveformDecoder;
import org.earmark.audio.WaveformUnavailableException;
import org.earmark.core.Progress;
import org.earmark.model.Recording;

/**
 * Waveform peaks from the audio package's decoder: WAV read directly, MP3 by a pure-Java decoder
 * with the encoder delay corrected (so the waveform lines up with player time), M4A through
 * ffmpeg when it is installed — otherwise only the waveform is unavailable.
 */
public final class DecoderPeaksSource implements PeaksSource {

    @Override
    public Peaks load(Recording recording, Path audio, Progress progress) throws Exception {
        try {
            return WaveformDecoder.compute(audio, progress);
        } catch (WaveformUnavailableException e) {
            throw new WaveformUnavailable(e.getMessage());
        } catch (org.earmark.core.EarmarkException e) {
            if (e.kind() != org.earmark.core.EarmarkException.Kind.BAD_INPUT) {
                throw e; // a disk failure is reported as such
            }
            // A file the decoder cannot read (damaged, not audio): no waveform, and the view says why.
            throw new WaveformUnavailable(e.getMessage());
        }
    }
}

package org.earmark.ui.coding.timeline;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.earmark.audio.Peaks;
import org.earmark.core.Progress;
import org.earmark.model.Recording;

/**
 * Waveform peaks for now, until the audio package's decoder replaces it: WAV (and AIFF) through
 * Java Sound; MP3 and M4A through {@code ffmpeg} when it is installed, else the waveform is
 * unavailable (the recording can still be coded).
 */
public final class SimplePeaksSource implements PeaksSource {

    private static final int FFMPEG_RATE = 16_000;

    @Override
    public Peaks load(Recording recording, Path audio, Progress progress) throws Exception {
        String name = audio.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav") || name.endsWith(".aif") || name.endsWith(".aiff")) {
            return javaSound(audio, progress);
        }
        long expectedMs = recording.durationMs() == null ? -1 : recording.durationMs();
        return ffmpeg(audio, expectedMs, progress);
    }

    static Peaks javaSound(Path audio, Progress progress) throws Exception {
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(audio.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new WaveformUnavailable(e.getMessage());
        }
        AudioFormat f = source.getFormat();
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                f.getChannels() * 2, f.getSampleRate(), false);
        try (AudioInputStream in = f.matches(pcm) ? source : AudioSystem.getAudioInputStream(pcm, source)) {
            long totalFrames = source.getFrameLength();
            return read(in, f.getChannels(), f.getSampleRate(), totalFrames, progress);
        }
    }

    static Peaks ffmpeg(Path audio, long expectedMs, Progress progress) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", audio.toString(), "-f", "s16le",
                    "-ac", "1", "-ar", Integer.toString(FFMPEG_RATE), "-")).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException notInstalled) {
            throw new WaveformUnavailable("ffmpeg is not installed");
        }
        try (InputStream in = p.getInputStream()) {
            long frames = expectedMs < 0 ? -1 : expectedMs * FFMPEG_RATE / 1000;
            Peaks peaks = read(in, 1, FFMPEG_RATE, frames, progress);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || peaks.bins() == 0) {
                throw new WaveformUnavailable("ffmpeg could not decode " + audio.getFileName());
            }
            return peaks;
        } finally {
            p.destroy();
        }
    }

    private static Peaks read(InputStream raw, int channels, float rate, long totalFrames, Progress progress)
            throws IOException {
        PeaksBuilder peaks = new PeaksBuilder(rate);
        byte[] buf = new byte[channels * 2 * 8192];
        int kept = 0;
        try (InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            int n;
            while ((n = in.read(buf, kept, buf.length - kept)) > 0) {
                progress.checkCancelled();
                int have = kept + n;
                int whole = have - have % (channels * 2);
                for (int i = 0; i < whole; i += channels * 2) {
                    for (int c = 0; c < channels; c++) {
                        int lo = buf[i + 2 * c] & 0xFF;
                        peaks.sample((short) ((buf[i + 2 * c + 1] << 8) | lo));
                    }
                    peaks.nextFrame();
                }
                kept = have - whole;
                System.arraycopy(buf, whole, buf, 0, kept);
                if (totalFrames > 0) {
                    progress.update(Math.min(1, peaks.frames() / (double) totalFrames), null);
                }
            }
        }
        return peaks.build();
    }
}

package org.earmark.ui.newfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.earmark.session.SoloCoderFile;

/**
 * The length of an audio file for a new coder file, until the audio package's probe replaces it:
 * WAV through Java Sound, other formats through {@code ffprobe} when it is installed, else unknown
 * (the player finds it out when the recording is opened).
 */
public final class AudioDurations implements SoloCoderFile.DurationProbe {

    @Override
    public Long durationMs(Path audio) throws Exception {
        String name = audio.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(audio.toFile());
            if (f.getFrameLength() > 0 && f.getFormat().getFrameRate() > 0) {
                return Math.round(f.getFrameLength() * 1000.0 / f.getFormat().getFrameRate());
            }
        }
        return ffprobe(audio);
    }

    private static Long ffprobe(Path audio) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration",
                    "-of", "default=noprint_wrappers=1:nokey=1", audio.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return Math.round(Double.parseDouble(out) * 1000);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}

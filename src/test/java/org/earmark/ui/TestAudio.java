package org.earmark.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Recordings for UI tests, made at test time: speech from espeak-ng when it is installed (CI
 * installs it), else a tone pattern with pauses that looks like speech on a waveform.
 */
public final class TestAudio {

    private TestAudio() {
    }

    /** A mono 16 kHz WAV of about {@code seconds} seconds. */
    public static Path speech(Path wav, String words, double seconds) throws Exception {
        Path raw = wav.resolveSibling(wav.getFileName() + ".espeak.wav");
        if (run(List.of("espeak-ng", "-v", "en-gb", "-s", "150", "-w", raw.toString(), words))
                && run(List.of("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", wav.toString(),
                        "pad", "0", "0", "repeat", "999", "trim", "0", Double.toString(seconds)))) {
            Files.deleteIfExists(raw);
            return wav;
        }
        Files.deleteIfExists(raw);
        return tones(wav, seconds);
    }

    /** Bursts of a rising tone with pauses, 16 kHz mono. */
    public static Path tones(Path wav, double seconds) throws IOException {
        int rate = 16_000;
        int frames = (int) (seconds * rate);
        byte[] data = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double burst = (t % 2.3) < 1.4 ? Math.sin(Math.PI * (t % 2.3) / 1.4) : 0;
            short s = (short) (burst * 12_000 * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(t * 3)) * t));
            data[2 * i] = (byte) s;
            data[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

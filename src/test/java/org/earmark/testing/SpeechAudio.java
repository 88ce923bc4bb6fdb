package org.earmark.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short speech recordings made at test time with espeak-ng and ffmpeg (both installed by .ci/run). */
public final class SpeechAudio {

    private SpeechAudio() {
    }

    /** A WAV of the text spoken, 16 kHz mono. */
    public static Path wav(Path file, String text, String voice) throws Exception {
        Path raw = file.resolveSibling(file.getFileName() + ".raw.wav");
        run("espeak-ng", "-v", voice, "-w", raw.toString(), text);
        run("ffmpeg", "-v", "error", "-y", "-i", raw.toString(), "-ar", "16000", "-ac", "1", file.toString());
        java.nio.file.Files.delete(raw);
        return file;
    }

    /** Re-encodes audio to the format of {@code out}'s extension, with the given metadata tags written into it. */
    public static Path withTags(Path in, Path out, Map<String, String> tags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", in.toString()));
        tags.forEach((k, v) -> {
            cmd.add("-metadata");
            cmd.add(k + "=" + v);
        });
        if (out.toString().endsWith(".mp3")) {
            cmd.addAll(List.of("-codec:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "3", "-write_id3v1", "1"));
        }
        cmd.add(out.toString());
        run(cmd.toArray(String[]::new));
        return out;
    }

    public static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}

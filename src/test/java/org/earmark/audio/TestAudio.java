package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test recordings made at test time: tones written directly as WAV (exact amplitudes), speech from espeak-ng, and
 * MP3/M4A from lame and ffmpeg. On a developer machine without those tools the tests that need them are skipped;
 * on CI (CI=true, where .ci/run installs them) they fail instead, so a missing tool cannot pass unnoticed.
 */
final class TestAudio {

    private TestAudio() {
    }

    static void requireTool(String tool) {
        boolean present = onPath(tool);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(tool + " is not installed; .ci/run should have installed it");
        }
        assumeTrue(present, tool + " is not installed");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, tool)));
    }

    /** Runs a command, failing the test with its output when it does not exit 0. Returns its standard output. */
    static byte[] run(Path dir, String... command) {
        try {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull())).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + Files.readString(err));
            Files.delete(err);
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The exit code of a command, without failing. */
    static int exitCode(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException e) {
            throw new AssertionError("could not run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * 16-bit PCM: {@code silenceBefore} s of silence, {@code toneSeconds} s of 440 Hz at amplitude 0.5 (peak 16384),
     * then {@code silenceAfter} s of silence, in every channel listed in {@code toneChannels}.
     */
    static byte[] tonePcm(int rate, int channels, double silenceBefore, double toneSeconds, double silenceAfter,
            int... toneChannels) {
        int before = (int) Math.round(silenceBefore * rate);
        int tone = (int) Math.round(toneSeconds * rate);
        int total = before + tone + (int) Math.round(silenceAfter * rate);
        ByteBuffer pcm = ByteBuffer.allocate(total * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < total; i++) {
            short value = 0;
            if (i >= before && i < before + tone) {
                value = (short) Math.round(16384 * Math.sin(2 * Math.PI * 440 * (i - before) / rate));
            }
            for (int c = 0; c < channels; c++) {
                final int channel = c;
                boolean on = toneChannels.length == 0 || Arrays.stream(toneChannels).anyMatch(t -> t == channel);
                pcm.putShort(on ? value : 0);
            }
        }
        return pcm.array();
    }

    /** A WAV file from raw chunks: each pair is a four-character id and its body, written in the order given. */
    static byte[] riff(Object... idsAndBodies) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int i = 0; i < idsAndBodies.length; i += 2) {
            byte[] body = (byte[]) idsAndBodies[i + 1];
            chunks.writeBytes(((String) idsAndBodies[i]).getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes(le32(body.length));
            chunks.writeBytes(body);
            if (body.length % 2 == 1) {
                chunks.write(0);
            }
        }
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        riff.writeBytes(le32(4 + chunks.size()));
        riff.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        riff.writeBytes(chunks.toByteArray());
        return riff.toByteArray();
    }

    static byte[] fmtPcm16(int rate, int channels) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16).array();
    }

    static Path toneWav(Path dir, String name, int rate, int channels, int... toneChannels) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, riff("fmt ", fmtPcm16(rate, channels), "data",
                tonePcm(rate, channels, 1, 1, 1, toneChannels)));
        return file;
    }

    static Path speechWav(Path dir, String name, String text) {
        requireTool("espeak-ng");
        run(dir, "espeak-ng", "-v", "en-gb", "-w", name, text);
        return dir.resolve(name);
    }

    static Path lame(Path dir, Path wav, String name, String... options) {
        requireTool("lame");
        List<String> command = new ArrayList<>(List.of("lame", "--quiet"));
        command.addAll(List.of(options));
        command.add(wav.toString());
        command.add(name);
        run(dir, command.toArray(String[]::new));
        return dir.resolve(name);
    }

    static Path ffmpeg(Path dir, String... arguments) {
        requireTool("ffmpeg");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        run(dir, command.toArray(String[]::new));
        return dir.resolve(arguments[arguments.length - 1]);
    }

    /** ffmpeg's MD5 of the decoded samples: equal for two files exactly when they play the same audio. */
    static String decodedMd5(Path file) {
        requireTool("ffmpeg");
        return new String(run(file.getParent(), "ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-map",
                "0:a", "-f", "md5", "-"), StandardCharsets.US_ASCII).strip();
    }

    static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** The first bin whose max exceeds {@code threshold}, or -1. */
    static int firstLoudBin(Peaks peaks, int threshold) {
        for (int i = 0; i < peaks.bins(); i++) {
            if (peaks.max()[i] > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** The last bin whose max exceeds {@code threshold}, or -1. */
    static int lastLoudBin(Peaks peaks, int threshold) {
        for (int i = peaks.bins() - 1; i >= 0; i--) {
            if (peaks.max()[i] > threshold) {
                return i;
            }
        }
        return -1;
    }
}

package org.earmark.audio;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;

/**
 * M4A (AAC) peaks through an {@code ffmpeg} process: no pure-Java AAC decoder is good enough. ffmpeg honours the
 * edit list that hides AAC's priming samples, so its output lines up with player time. Without ffmpeg only the
 * waveform is missing; playback goes through the media player and may still work.
 */
final class FfmpegPeaks {

    private static final int BLOCK_FRAMES = 1 << 14;

    private FfmpegPeaks() {
    }

    /** The ffmpeg executable on the PATH, if there is one. */
    static Optional<Path> ffmpeg() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? "ffmpeg.exe" : "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Peaks compute(Path audio, Mp4Layout mp4, int binMillis, Progress progress) {
        return compute(audio, mp4, binMillis, progress, ffmpeg());
    }

    static Peaks compute(Path audio, Mp4Layout mp4, int binMillis, Progress progress, Optional<Path> executable) {
        Path ffmpeg = executable.orElseThrow(() -> new WaveformUnavailableException("The waveform of " + audio
                + " is unavailable: drawing M4A (AAC) recordings needs ffmpeg, which is not installed. Playback may"
                + " still work."));
        int channels = mp4.channels();
        int rate = mp4.sampleRate();
        // Ask for the track's own rate and channel count, so sample positions mean what they mean in the file.
        List<String> command = List.of(ffmpeg.toString(), "-nostdin", "-v", "error", "-i",
                audio.toAbsolutePath().toString(), "-vn", "-ac", Integer.toString(channels), "-ar",
                Integer.toString(rate), "-f", "s16le", "-");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new WaveformUnavailableException("The waveform of " + audio + " is unavailable: ffmpeg could not be started ("
                    + e.getMessage() + "). Playback may still work.");
        }
        StderrTail errors = StderrTail.start(process.getErrorStream());
        try {
            process.getOutputStream().close();
            long expected = Math.max(1, mp4.durationMs() * rate / 1000);
            PeakBins bins = new PeakBins(rate, binMillis, -1, 0);
            long frames = read(process.getInputStream(), bins, channels, expected, progress);
            int exit = process.waitFor();
            if (exit != 0) {
                throw EarmarkException.badInput("Cannot draw the waveform of " + audio + ": ffmpeg could not decode it ("
                        + errors.firstLine() + ").");
            }
            return bins.peaks(frames);
        } catch (IOException e) {
            throw AudioErrors.readFailed(audio, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Progress.CancelledException();
        } finally {
            process.destroyForcibly();
        }
    }

    private static long read(InputStream pcm, PeakBins bins, int channels, long expected, Progress progress)
            throws IOException {
        int frameBytes = 2 * channels;
        byte[] bytes = new byte[BLOCK_FRAMES * frameBytes];
        short[] samples = new short[BLOCK_FRAMES * channels];
        float[] scratch = new float[BLOCK_FRAMES];
        long frames = 0;
        int filled = 0;
        for (int n; (n = pcm.read(bytes, filled, bytes.length - filled)) >= 0; ) {
            progress.checkCancelled();
            filled += n;
            int whole = filled / frameBytes;
            if (whole == 0) {
                continue;
            }
            ByteBuffer.wrap(bytes, 0, whole * frameBytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()
                    .get(samples, 0, whole * channels);
            bins.addInterleaved(frames, samples, 0, whole, channels, scratch);
            frames += whole;
            int rest = filled - whole * frameBytes;
            System.arraycopy(bytes, whole * frameBytes, bytes, 0, rest);
            filled = rest;
            progress.update(Math.min(0.99, (double) frames / expected), null);
        }
        return frames;
    }

    /** Keeps the start of ffmpeg's error output for the message, and keeps the pipe drained so ffmpeg never blocks. */
    private static final class StderrTail extends Thread {
        private final InputStream in;
        private final StringBuilder text = new StringBuilder();

        private StderrTail(InputStream in) {
            super("earmark-ffmpeg-stderr");
            this.in = in;
            setDaemon(true);
        }

        static StderrTail start(InputStream in) {
            StderrTail tail = new StderrTail(in);
            tail.start();
            return tail;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (text) {
                        if (text.length() < 4000) {
                            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended; what was read is enough for the message.
            }
        }

        String firstLine() {
            try {
                join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (text) {
                String s = text.toString().strip();
                int end = s.indexOf('\n');
                return s.isEmpty() ? "no message" : end < 0 ? s : s.substring(0, end).strip();
            }
        }
    }
}

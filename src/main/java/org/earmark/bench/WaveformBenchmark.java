package org.earmark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.earmark.audio.Peaks;
import org.earmark.audio.WaveformDecoder;
import org.earmark.core.Progress;

/**
 * Times the waveform overview of a 90-minute recording (issue 8's target: an MP3 costs no more than ffmpeg decoding
 * it on one thread). Not a timed test: run it by hand or from {@code earmark bench}.
 *
 * <pre>java -cp target/classes:$(deps) org.earmark.bench.WaveformBenchmark [MP3 WAV]</pre>
 *
 * Without arguments it makes 90 minutes of looped espeak-ng speech (16 kHz at 32 kbps and 44.1 kHz at 64 kbps,
 * mono) with espeak-ng, sox and lame, cached in {@code /tmp/earmark-bench/}.
 */
public final class WaveformBenchmark {

    public static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "earmark-bench");
    private static final int MINUTES = 90;
    private static final String SPEECH = "So tell me, what difference do you think this will make for the child and"
            + " the family? How will we know that things are getting better at home? Let us think about what the"
            + " mother said last week, and what the school has been noticing since the last review meeting.";

    /** One file's figures. {@code peakHeapBytes} is the sum of the heap pools' peaks while it was computed. */
    public record Figure(String file, long bytes, double coldSeconds, double warmSeconds, double ffmpegSeconds,
                         long peakHeapBytes, long bins) {

        /** Cold peaks time over ffmpeg's single-threaded decode; the target is at most 1.0. NaN without ffmpeg. */
        public double ratio() {
            return ffmpegSeconds > 0 ? coldSeconds / ffmpegSeconds : Double.NaN;
        }
    }

    private WaveformBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        if (args.length > 0) {
            for (String arg : args) {
                files.add(Path.of(arg));
            }
        } else {
            files.addAll(prepare(CACHE, 16000, 32));
            files.addAll(prepare(CACHE, 44100, 64));
        }
        System.out.printf(Locale.ROOT, "Waveform overview, %d cores, Java %s%n", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %7s %9s%n", "file", "MB", "cold s", "warm s", "ffmpeg s",
                "ratio", "heap MB");
        for (Path file : files) {
            Figure f = measure(file);
            System.out.printf(Locale.ROOT, "%-28s %8.1f %8.2f %8.2f %8s %7s %9.1f%n", f.file(), f.bytes() / 1e6,
                    f.coldSeconds(), f.warmSeconds(), f.ffmpegSeconds() > 0 ? String.format(Locale.ROOT, "%.2f",
                            f.ffmpegSeconds()) : "-", Double.isNaN(f.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f",
                            f.ratio()), f.peakHeapBytes() / 1e6);
        }
    }

    /**
     * Times {@link WaveformDecoder#compute} on {@code file} twice (the first run includes JIT warm-up, as in the app)
     * and, for MP3, {@code ffmpeg -threads 1 -v error -i FILE -f null -} (best of two, file already in the page cache).
     */
    public static Figure measure(Path file) throws IOException, InterruptedException {
        System.gc();
        resetHeapPeaks();
        long start = System.nanoTime();
        Peaks peaks = WaveformDecoder.compute(file, Progress.NONE);
        double cold = (System.nanoTime() - start) / 1e9;
        long heap = heapPeak();
        start = System.nanoTime();
        WaveformDecoder.compute(file, Progress.NONE);
        double warm = (System.nanoTime() - start) / 1e9;
        double ffmpeg = 0;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp3")) {
            ffmpeg = Math.min(ffmpegSeconds(file), ffmpegSeconds(file));
        }
        return new Figure(file.getFileName().toString(), Files.size(file), cold, warm, ffmpeg, heap, peaks.bins());
    }

    /** Seconds for ffmpeg to decode the file on one thread, or -1 when ffmpeg is not installed. */
    public static double ffmpegSeconds(Path file) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-threads", "1", "-v", "error", "-i", file.toString(),
                    "-f", "null", "-").inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed on " + file);
            }
        } catch (IOException e) {
            return -1;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The 90-minute speech WAV and MP3 at {@code rate} Hz, mono, made once and kept in {@code cache}: espeak-ng says
     * a supervision-like question, sox loops it with a second of silence, lame encodes at {@code kbps} (CBR).
     */
    public static List<Path> prepare(Path cache, int rate, int kbps) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        String base = "speech-" + MINUTES + "min-" + (rate / 1000) + "k";
        Path wav = cache.resolve(base + ".wav");
        Path mp3 = cache.resolve(base + ".mp3");
        if (!Files.exists(wav)) {
            Path unit = cache.resolve("unit-" + rate + ".wav");
            Path spoken = cache.resolve("spoken.wav");
            exec(cache, "espeak-ng", "-v", "en-gb", "-w", spoken.toString(), SPEECH);
            exec(cache, "sox", spoken.toString(), "-r", Integer.toString(rate), unit.toString(), "pad", "0", "1");
            Path partial = cache.resolve(base + ".wav.part");
            // 15 s a loop: repeat generously and cut at exactly 90 minutes.
            exec(cache, "sox", unit.toString(), "-t", "wav", partial.toString(), "repeat", "400", "trim", "0",
                    Integer.toString(MINUTES * 60));
            Files.move(partial, wav);
        }
        if (!Files.exists(mp3)) {
            Path partial = cache.resolve(base + ".mp3.part");
            exec(cache, "lame", "--quiet", "-b", Integer.toString(kbps), wav.toString(), partial.toString());
            Files.move(partial, mp3);
        }
        return List.of(mp3, wav);
    }

    private static void exec(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

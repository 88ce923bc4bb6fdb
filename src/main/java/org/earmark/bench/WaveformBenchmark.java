package org.earmark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * One file's figures. Seconds are wall-clock; the CPU seconds (all threads, JIT and GC included; ffmpeg's user
     * plus system time) show the work done, which other load on the machine does not inflate.
     * {@code peakHeapBytes} is the sum of the heap pools' peaks during the first run.
     */
    public record Figure(String file, long bytes, double coldSeconds, double coldCpuSeconds, double warmSeconds,
                         double ffmpegSeconds, double ffmpegCpuSeconds, long peakHeapBytes, long bins) {

        /** Cold peaks time over ffmpeg's single-threaded decode; the target is at most 1.0. NaN without ffmpeg. */
        public double ratio() {
            return ffmpegSeconds > 0 ? coldSeconds / ffmpegSeconds : Double.NaN;
        }

        /** The same ratio on an idle machine with two cores, estimated from CPU time: half our CPU over ffmpeg's. */
        public double idleRatio() {
            return ffmpegCpuSeconds > 0 ? coldCpuSeconds / 2 / ffmpegCpuSeconds : Double.NaN;
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
        System.out.printf(Locale.ROOT, "load average before: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-22s %6s %7s %7s %7s %8s %8s %6s %6s %7s%n", "file", "MB", "cold s", "cpu s",
                "warm s", "ffmpeg s", "ff cpu s", "ratio", "idle", "heap MB");
        for (Path file : files) {
            Figure f = measure(file);
            System.out.printf(Locale.ROOT, "%-22s %6.1f %7.2f %7.2f %7.2f %8s %8s %6s %6s %7.1f%n", f.file(),
                    f.bytes() / 1e6, f.coldSeconds(), f.coldCpuSeconds(), f.warmSeconds(), number(f.ffmpegSeconds()),
                    number(f.ffmpegCpuSeconds()), number(f.ratio()), number(f.idleRatio()), f.peakHeapBytes() / 1e6);
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static String number(double value) {
        return Double.isNaN(value) || value <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Times {@link WaveformDecoder#compute} on {@code file} twice (the first run includes JIT warm-up, as in the app)
     * and, for MP3, {@code ffmpeg -threads 1 -i FILE -f null -} (best of two, the file already in the page cache).
     */
    public static Figure measure(Path file) throws IOException, InterruptedException {
        System.gc();
        resetHeapPeaks();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        Peaks peaks = WaveformDecoder.compute(file, Progress.NONE);
        double cold = (System.nanoTime() - start) / 1e9;
        double coldCpu = (processCpuNanos() - cpu) / 1e9;
        long heap = heapPeak();
        start = System.nanoTime();
        WaveformDecoder.compute(file, Progress.NONE);
        double warm = (System.nanoTime() - start) / 1e9;
        double[] ffmpeg = {0, 0};
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp3")) {
            double[] first = ffmpeg(file);
            double[] second = ffmpeg(file);
            ffmpeg = first[0] <= second[0] ? first : second;
        }
        return new Figure(file.getFileName().toString(), Files.size(file), cold, coldCpu, warm, ffmpeg[0], ffmpeg[1],
                heap, peaks.bins());
    }

    /**
     * ffmpeg decoding the file on one thread to nothing ({@code -threads 1 -f null}): wall seconds and, from its
     * {@code -benchmark} line, CPU seconds; {-1, -1} when ffmpeg is not installed.
     */
    public static double[] ffmpeg(Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-benchmark", "-threads", "1",
                    "-i", file.toString(), "-f", "null", "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            return new double[] {-1, -1};
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + file + ":\n" + out);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Matcher m = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s").matcher(out);
        double cpu = m.find() ? Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) : -1;
        return new double[] {wall, cpu};
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
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

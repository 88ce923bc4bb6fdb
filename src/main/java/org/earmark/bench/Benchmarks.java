package org.earmark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the benchmarks of {@code earmark bench} and collects their figures (issue 8's targets). */
public final class Benchmarks {

    /** How big the runs are: the real targets, or a quick smoke run for tests. */
    public record Sizes(int tags, int recordings, int coders, int eventsPerCoder, boolean waveforms) {
        public static final Sizes FULL = new Sizes(10_000, 500, 3, 300, true);
        public static final Sizes QUICK = new Sizes(200, 20, 3, 30, false);
    }

    private Benchmarks() {
    }

    public static List<Figure> run(Path dir, Sizes sizes, Consumer<String> log) throws Exception {
        Files.createDirectories(dir);
        List<Figure> figures = new ArrayList<>();

        log.accept("tag latency: " + sizes.tags() + " tags and as many bare inserts");
        HeapMeter.reset();
        TagLatencyBench.Comparison tagging = TagLatencyBench.compare(dir, sizes.tags());
        double tagHeap = HeapMeter.peakMb();
        TagLatencyBench.Latencies tags = tagging.tags();
        TagLatencyBench.Latencies bare = tagging.bare();
        figures.add(new Figure("tag_p50", tags.p50(), "ms", null, "CoderFile.add, committed with synchronous=FULL"));
        figures.add(new Figure("tag_p99", tags.p99(), "ms", Math.min(5.0, 1.5 * bare.p99()),
                "target: <= 5 ms and <= 1.5 x the bare insert's p99"));
        figures.add(new Figure("tag_bare_insert_p50", bare.p50(), "ms", null, "INSERT + COMMIT, same pragmas"));
        figures.add(new Figure("tag_bare_insert_p99", bare.p99(), "ms", null, "the floor this disk allows"));
        figures.add(new Figure("tag_p99_ratio", tags.p99() / bare.p99(), "x", 1.5, "tag p99 / bare insert p99"));
        figures.add(new Figure("heap_tagging", tagHeap, "MB", 512.0, "peak heap while tagging"));

        log.accept("study: " + sizes.recordings() + " recordings x " + sizes.coders() + " coders x "
                + sizes.eventsPerCoder() + " events");
        Path studyDir = Files.createTempDirectory(dir, "bench-study-");
        HeapMeter.reset();
        StudyBench.Timings study = StudyBench.run(studyDir, sizes.recordings(), sizes.coders(), sizes.eventsPerCoder());
        double studyHeap = HeapMeter.peakMb();
        Files.deleteIfExists(studyDir);
        figures.add(new Figure("merge_and_agreement", study.mergeSeconds() + study.agreementSeconds(), "s", 1.0,
                study.events() + " events: merge " + fmt(study.mergeSeconds()) + " s + agreement report "
                        + fmt(study.agreementSeconds()) + " s (reading the study " + fmt(study.loadSeconds())
                        + " s); " + fmt(study.mergeAndAgreementCpuSeconds()) + " s CPU"));
        figures.add(new Figure("export_xlsx", study.exportSeconds(), "s", 1.0, "all result tables to XLSX: tables "
                + fmt(study.buildSeconds()) + " s + XLSX " + fmt(study.writeSeconds()) + " s; "
                + fmt(study.exportCpuSeconds()) + " s CPU"));
        // Not held to the 512 MB bar, which is for the coding app with a recording open: with the default
        // heap the collector lets garbage pile up, so this sum of pool peaks overstates what is needed.
        figures.add(new Figure("heap_study", studyHeap, "MB", null, "sum of heap pool peaks while merging,"
                + " reporting and exporting " + study.events() + " events (default max heap)"));

        if (sizes.waveforms()) {
            figures.addAll(waveforms(log));
        }
        log.accept("start: the desktop app in a child JVM, to its first painted frame");
        long firstFrame = StartupBench.firstFrameMillis();
        if (firstFrame >= 0) {
            figures.add(new Figure("start_first_frame", firstFrame / 1000.0, "s", 2.0,
                    "JVM start to the main window's first rendered frame (fresh data folder)"));
        } else {
            log.accept("start: skipped, no display (run under xvfb-run)");
        }
        return figures;
    }

    /** 90 minutes of speech as MP3 and WAV (made once with espeak-ng, sox and lame, then cached). */
    private static List<Figure> waveforms(Consumer<String> log) throws Exception {
        log.accept("waveform: making or reusing 90-minute recordings in " + WaveformBenchmark.CACHE);
        List<Path> files = WaveformBenchmark.prepare(WaveformBenchmark.CACHE, 16000, 32);
        Path wav = files.stream().filter(p -> p.toString().endsWith(".wav")).findFirst().orElseThrow();
        Path mp3 = files.stream().filter(p -> p.toString().endsWith(".mp3")).findFirst().orElseThrow();
        log.accept("waveform: " + mp3.getFileName() + " and " + wav.getFileName());
        WaveformBenchmark.Figure m = WaveformBenchmark.measure(mp3);
        WaveformBenchmark.Figure w = WaveformBenchmark.measure(wav);
        org.earmark.audio.Peaks peaks = org.earmark.audio.WaveformDecoder.compute(wav, org.earmark.core.Progress.NONE);
        byte[] stored = org.earmark.audio.PeaksCodec.encode(peaks);
        long t = System.nanoTime();
        org.earmark.audio.PeaksCodec.decode(stored);
        double reopen = (System.nanoTime() - t) / 1e9;
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("waveform_mp3_90min", m.coldSeconds(), "s", null, "pure-Java decode (own Layer III"
                + " decoder), both cores, first run; warm " + fmt(m.warmSeconds()) + " s; " + fmt(m.coldCpuSeconds()) + " s CPU"));
        if (m.ffmpegSeconds() > 0) {
            out.add(new Figure("waveform_ffmpeg_90min", m.ffmpegSeconds(), "s", null,
                    "ffmpeg -threads 1 -f null, same MP3; " + fmt(m.ffmpegCpuSeconds()) + " s CPU"));
            out.add(new Figure("waveform_mp3_ratio", m.ratio(), "x", 1.0, "our MP3 overview / ffmpeg's decode;"
                    + " estimated on an idle machine from CPU time: " + fmt(m.idleRatio())));
        }
        out.add(new Figure("waveform_wav_90min", w.coldSeconds(), "s", null, "memory-mapped PCM"));
        out.add(new Figure("waveform_reopen", reopen, "s", 0.5, "stored peaks of 90 minutes read back"));
        out.add(new Figure("heap_waveform", Math.max(m.peakHeapBytes(), w.peakHeapBytes()) / (1024.0 * 1024.0), "MB",
                512.0, "peak heap while computing a 90-minute overview"));
        return out;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}

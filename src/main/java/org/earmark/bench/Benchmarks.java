package org.earmark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the benchmarks of {@code earmark bench} and collects their figures (issue 8's targets). */
public final class Benchmarks {

    /** How big the runs are: the real targets, or a quick smoke run for tests. */
    public record Sizes(int tags, int recordings, int coders, int eventsPerCoder) {
        public static final Sizes FULL = new Sizes(10_000, 500, 3, 300);
        public static final Sizes QUICK = new Sizes(200, 20, 3, 30);
    }

    private Benchmarks() {
    }

    public static List<Figure> run(Path dir, Sizes sizes, Consumer<String> log) throws Exception {
        Files.createDirectories(dir);
        List<Figure> figures = new ArrayList<>();

        log.accept("tag latency: " + sizes.tags() + " tags and as many bare inserts");
        TagLatencyBench.bareInserts(dir, Math.min(500, sizes.tags())); // warm the JIT and the disk
        HeapMeter.reset();
        TagLatencyBench.Latencies tags = TagLatencyBench.tags(dir, sizes.tags());
        double tagHeap = HeapMeter.peakMb();
        TagLatencyBench.Latencies bare = TagLatencyBench.bareInserts(dir, sizes.tags());
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
                        + fmt(study.agreementSeconds()) + " s"));
        figures.add(new Figure("export_xlsx", study.exportSeconds(), "s", 1.0, "all result tables to XLSX"));
        figures.add(new Figure("heap_study", studyHeap, "MB", 512.0, "peak heap while merging and reporting"));
        return figures;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}

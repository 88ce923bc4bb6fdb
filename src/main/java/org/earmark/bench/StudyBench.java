package org.earmark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.io.TableWriters;
import org.earmark.model.Assignment;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.model.StudyRecording;
import org.earmark.results.AgreementReport;
import org.earmark.results.ResultTables;
import org.earmark.results.StudyData;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;
import org.earmark.storage.StudyFile;
import org.earmark.storage.StudySetup;
import org.earmark.study.Merger;

/**
 * A trial-sized study (by default 500 recordings × 3 coders × 300 events) built from real coder
 * files, then timed: merging the three files and computing the full agreement report, and
 * exporting the results to XLSX.
 */
public final class StudyBench {

    /**
     * Seconds for each step, and how many events were merged. The agreement step includes reading the study
     * ({@code loadSeconds}). The export is two steps: building the result tables from the data and report already
     * in memory, and writing them as XLSX. CPU seconds are the whole process's (all threads, JIT and GC included).
     */
    public record Timings(double mergeSeconds, double agreementSeconds, double loadSeconds,
            double mergeAndAgreementCpuSeconds, double buildSeconds, double writeSeconds, double exportCpuSeconds,
            long events) {

        public double exportSeconds() {
            return buildSeconds + writeSeconds;
        }
    }

    private StudyBench() {
    }

    /** Runs the trial-sized study once and prints the timings; for profiling outside {@code earmark bench}. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("earmark-study-bench");
        System.out.println(run(dir, 500, 3, 300));
        Files.deleteIfExists(dir);
    }

    /**
     * CPU time of this JVM so far (every thread), or 0 where the platform does not say: with work on both cores,
     * wall time alone hides what a step costs.
     */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    public static Timings run(Path dir, int recordings, int coders, int eventsPerCoder) throws Exception {
        Codebook codebook = CodebookLoader.parse(BenchCodebook.json());
        Random random = new Random(20261123);
        List<StudySetup.Entry> entries = new ArrayList<>();
        List<Recording> coderRecordings = new ArrayList<>();
        for (int r = 0; r < recordings; r++) {
            String id = String.format("R-%04d", r);
            String sha = String.format("%064x", r);
            entries.add(new StudySetup.Entry(new StudyRecording(id, "audio/" + id + ".wav", "wav", sha, 5_400_000),
                    "original-" + r + ".wav", "orig-" + sha, Map.of("arm", r % 2 == 0 ? "a" : "b")));
            coderRecordings.add(new Recording(id, r, sha, 5_400_000L, "audio/" + id + ".wav"));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < coders; c++) {
            names.add("coder" + c);
        }
        Path studyPath = dir.resolve("study.earmark-study");
        List<Path> coderFiles = new ArrayList<>();
        try (StudyFile study = StudyFile.create(studyPath, new StudySetup("Bench", codebook, List.of("arm"), entries),
                Clock.systemUTC())) {
            List<Assignment> assignments = new ArrayList<>();
            for (String coder : names) {
                for (int r = 0; r < recordings; r++) {
                    assignments.add(new Assignment(coderRecordings.get(r).id(), coder, r,
                            coder.equals(names.get(0)) ? "primary" : "second"));
                }
            }
            study.assign(names, assignments, "bench");
            long[][] truth = new long[recordings][eventsPerCoder];
            for (int r = 0; r < recordings; r++) {
                for (int e = 0; e < eventsPerCoder; e++) {
                    truth[r][e] = 5_000L + e * 17_000L + random.nextInt(3_000);
                }
            }
            for (String coder : names) {
                Path file = dir.resolve(coder + ".earmark");
                try (CoderFile f = CoderFile.create(file, new CoderFileSetup(study.id(), study.name(), coder, codebook,
                        coderRecordings), Clock.systemUTC())) {
                    List<NewEvent> events = new ArrayList<>(recordings * eventsPerCoder);
                    for (int r = 0; r < recordings; r++) {
                        for (int e = 0; e < eventsPerCoder; e++) {
                            String code = random.nextInt(10) == 0 ? "B" : (e % 3 == 0 ? "C" : "A");
                            long at = Math.max(0, truth[r][e] + random.nextInt(1_500) - 750);
                            events.add(NewEvent.point(coderRecordings.get(r).id(), code, at));
                        }
                    }
                    f.addAll(events, "bench");
                }
                coderFiles.add(file);
            }
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            for (Path file : coderFiles) {
                Merger.merge(study, file);
            }
            long t1 = System.nanoTime();
            StudyData data = StudyData.load(study);
            long loaded = System.nanoTime();
            AgreementReport report = AgreementReport.compute(data, 2.0);
            long t2 = System.nanoTime();
            long agreementCpu = processCpuNanos() - cpu0;
            if (report.overall().pairs() == 0) {
                throw new IllegalStateException("the bench study produced no matched pairs");
            }
            // From the data and report just computed; `study export` reads and computes them first, which the
            // merge-and-agreement figure has already timed.
            long cpu = processCpuNanos();
            var tables = ResultTables.build(study, data, report, Instant.now());
            long t3 = System.nanoTime();
            TableWriters.xlsx(dir.resolve("bench.xlsx"), tables, "1.0");
            long t4 = System.nanoTime();
            cpu = processCpuNanos() - cpu;
            return new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (loaded - t1) / 1e9, agreementCpu / 1e9,
                    (t3 - t2) / 1e9, (t4 - t3) / 1e9, cpu / 1e9, (long) recordings * coders * eventsPerCoder);
        } finally {
            for (Path p : coderFiles) {
                TagLatencyBench.deleteWithSidecars(p);
            }
            TagLatencyBench.deleteWithSidecars(studyPath);
            Files.deleteIfExists(dir.resolve("bench.xlsx"));
        }
    }
}

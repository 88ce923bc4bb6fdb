package org.earmark.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tag costs: on the caller's (FX) thread, from key press to durable commit through the
 * queue, and a bare commit for comparison. Not run by {@code mvn verify} (tag "bench"); run its
 * {@code main} with the test classpath.
 */
@Tag("bench")
class SaveQueueBenchmark {

    private static final int WARM_UP = 300;
    private static final int TAGS = 400;
    /** A fast coder tags a few times a second; 50 ms apart is faster than anyone presses keys. */
    private static final long PAUSE_MS = 50;

    @TempDir
    Path dir;

    @Test
    void tagCost() throws Exception {
        long[] bare = new long[TAGS];
        try (CoderFile f = TestFiles.create(dir.resolve("bare.earmark"))) {
            for (int i = -WARM_UP; i < TAGS; i++) {
                long t0 = System.nanoTime();
                f.add(NewEvent.point("R-7Q3K", "OFQ", 100_000 + i * 100L));
                if (i >= 0) {
                    bare[i] = System.nanoTime() - t0;
                    Thread.sleep(PAUSE_MS);
                }
            }
        }
        long[] caller = new long[TAGS];
        long[] durable = new long[TAGS];
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try (CoderFile f = TestFiles.create(dir.resolve("queued.earmark"))) {
            SaveQueue queue = SaveQueue.start(f, ui, Clock.systemUTC());
            CodingSession session = new CodingSession(queue, f.codebook(), f.recording("R-7Q3K"), List.of(),
                    Map.of(), RecordingStatus.NOT_STARTED, Clock.systemUTC());
            for (int i = -WARM_UP; i < TAGS; i++) {
                long t0 = System.nanoTime();
                session.press("OFQ", 100_000 + i * 100L);
                long t1 = System.nanoTime();
                if (i >= 0) {
                    int n = i;
                    caller[n] = t1 - t0;
                    // The queue is ordered: this runs right after the press's own commit.
                    queue.write("measure", file -> durable[n] = System.nanoTime() - t0);
                    Thread.sleep(PAUSE_MS);
                }
            }
            queue.close();
        }
        ui.shutdown();
        ui.awaitTermination(5, TimeUnit.SECONDS);
        report("bare CoderFile.add commit", bare);
        report("key press on the caller (FX) thread", caller);
        report("key press to durable commit via the queue", durable);
    }

    public static void main(String[] args) throws Exception {
        SaveQueueBenchmark bench = new SaveQueueBenchmark();
        bench.dir = java.nio.file.Files.createTempDirectory("earmark-bench");
        bench.tagCost();
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-45s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", what, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}

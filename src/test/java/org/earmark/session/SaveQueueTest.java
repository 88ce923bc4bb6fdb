package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-writer queue on its own thread: order, the saved indicator, failures. */
class SaveQueueTest {

    @TempDir
    Path dir;

    private CoderFile file;
    private ExecutorService ui;
    private final List<SaveQueue.Status> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        file = TestFiles.create(dir.resolve("alice.earmark"));
        ui = Executors.newSingleThreadExecutor(); // stands in for the FX thread
    }

    @AfterEach
    void close() {
        ui.shutdownNow();
        file.close();
    }

    private SaveQueue queue(TestClock clock) {
        SaveQueue q = SaveQueue.start(file, ui, clock);
        q.setListener(seen::add);
        return q;
    }

    private void drainUi() throws Exception {
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void writesAreCommittedInTheOrderTheyWereMade() throws Exception {
        TestClock clock = new TestClock();
        try (SaveQueue q = queue(clock)) {
            // Edits that only make sense in order: add, then move it 200 times, then delete and restore.
            CodingSession session = new CodingSession(q, file.codebook(), file.recording("R-7Q3K"), List.of(),
                    java.util.Map.of(), RecordingStatus.NOT_STARTED, clock);
            Event e = session.press("OFQ", 100_500);
            for (int i = 0; i < 200; i++) {
                clock.advance(java.time.Duration.ofSeconds(2));
                session.moveBy(e.id(), 100);
            }
            for (int i = 0; i < 50; i++) {
                session.press("RISK", 1_000 * i + 500);
            }
            session.delete(e.id());
            session.undo();
            q.flush();
            List<Event> stored = file.events("R-7Q3K");
            assertEquals(51, stored.size());
            Event moved = stored.stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
            assertEquals(120_000, moved.startMs());
            assertEquals(session.events(), session.events().stream().sorted(
                    java.util.Comparator.comparingLong(Event::startMs)).toList());
            List<String> actions = file.audit().stream().map(a -> a.action()).filter(a -> !a.equals("create")
                    && !a.equals("open")).toList();
            assertEquals("add", actions.get(0));
            assertEquals(200, actions.stream().filter("update"::equals).count());
            assertEquals(List.of("delete", "restore"), actions.subList(actions.size() - 2, actions.size()));
        }
    }

    @Test
    void theIndicatorShowsSavingUntilTheLastWriteIsOnDiskThenTheTime() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T14:03:12Z"));
        CountDownLatch release = new CountDownLatch(1);
        try (SaveQueue q = queue(clock)) {
            q.write("slow write", f -> release.await(5, TimeUnit.SECONDS));
            q.write("tag", f -> f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000)));
            drainUi();
            SaveQueue.Status during = seen.get(seen.size() - 1);
            assertTrue(during.saving(), "saving… while writes are queued: " + during);
            assertEquals(2, during.pending());
            assertNull(during.lastSaved());

            release.countDown();
            q.flush();
            drainUi();
            SaveQueue.Status after = seen.get(seen.size() - 1);
            assertEquals(new SaveQueue.Status(0, Instant.parse("2026-03-02T14:03:12Z"), null), after);
            assertEquals(1, file.events("R-7Q3K").size(), "saved means on disk");
        }
    }

    @Test
    void aFailedWriteIsReportedAndLaterWritesStillRun() throws Exception {
        try (SaveQueue q = queue(new TestClock())) {
            q.write("tag RISK at 99:00", f -> f.add(NewEvent.point("R-7Q3K", "RISK", 5_940_000)));
            q.write("tag OFQ", f -> f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000)));
            q.flush();
            drainUi();
            SaveQueue.Status status = seen.get(seen.size() - 1);
            assertEquals(0, status.pending());
            assertTrue(status.failure().startsWith("tag RISK at 99:00: Time 5940.000 s is past the end of R-7Q3K"),
                    status.failure());
            assertEquals(1, file.events("R-7Q3K").size());
            q.acknowledgeFailure();
            drainUi();
            assertNull(seen.get(seen.size() - 1).failure());
        }
    }

    @Test
    void readsSeeEveryEarlierWrite() throws Exception {
        try (SaveQueue q = queue(new TestClock())) {
            for (int i = 0; i < 20; i++) {
                long at = i * 1_000L;
                q.write("tag", f -> f.add(NewEvent.point("R-7Q3K", "OFQ", at)));
            }
            assertEquals(20, q.read(f -> f.events("R-7Q3K").size()).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingCommitsWhatIsQueued() throws Exception {
        SaveQueue q = queue(new TestClock());
        for (int i = 0; i < 30; i++) {
            long at = i * 1_000L;
            q.write("tag", f -> f.add(NewEvent.point("R-7Q3K", "OFQ", at)));
        }
        q.close();
        assertEquals(30, file.events("R-7Q3K").size());
    }

    @Test
    void theCallerOnlyQueues() {
        Executor never = r -> { };
        // With a writer that never runs, a write returns at once: the caller's thread never touches the disk.
        SaveQueue q = SaveQueue.start(file, never, new TestClock());
        CountDownLatch block = new CountDownLatch(1);
        q.write("block", f -> block.await());
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            q.write("tag", f -> { });
        }
        long perWriteMicros = (System.nanoTime() - t0) / 1_000 / 1_000;
        assertTrue(perWriteMicros < 1_000, "queueing is cheap: " + perWriteMicros + " µs per write");
        assertEquals(1_001, q.status().pending());
        block.countDown();
        q.close();
    }
}

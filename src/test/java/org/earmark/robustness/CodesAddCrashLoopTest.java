package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.earmark.storage.Backups;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderWorkReader;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earmark codes add FILE --stdin}, fed lines without a pause, is killed with SIGKILL at random moments
 * — while the JVM starts, while it opens and backs up the file, between and inside commits — again and again
 * on the same file. After every kill the file passes {@code PRAGMA integrity_check} and holds every event the
 * child had acknowledged with {@code saved <id>}; the next child opens it as usual.
 */
class CodesAddCrashLoopTest {

    /** The seed; a failure names it, and {@code -Dearmark.crashSeed=N} replays that run. */
    private static final long SEED = Long.getLong("earmark.crashSeed", 20261123L);

    @TempDir
    Path dir;

    /** How many kills; 100 take about a minute on two busy cores (measured 61 s), so they run in every build. */
    private static final int KILLS = Integer.getInteger("earmark.crashKills", 100);

    @Test
    void aHundredKillsLoseNothingAcknowledged() throws Exception {
        crashLoop(KILLS);
    }

    private void crashLoop(int kills) throws Exception {
        Path file = dir.resolve("crash loop.earmark");
        TestFiles.create(file).close();
        Random random = new Random(SEED);
        Set<String> acknowledged = new HashSet<>();
        long started = System.nanoTime();
        int killedBeforeFirstSave = 0;
        for (int kill = 0; kill < kills; kill++) {
            String where = "kill " + (kill + 1) + " of " + kills + " (seed " + SEED + ")";
            // One in five kills lands before the first acknowledgement: in JVM start-up, the open, the backup.
            int killAfter = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(60);
            long extraMicros = random.nextInt(3000);
            Process child = Child.earmark(dir, List.of("codes", "add", file.toString(), "--stdin")).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(child));
            Thread feeder = feed(child, kill);
            int saved = 0;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                if (killAfter == 0) {
                    TimeUnit.MICROSECONDS.sleep(extraMicros * 200); // up to 0.6 s into the child's life
                } else {
                    String line;
                    while ((line = out.readLine()) != null) {
                        assertTrue(line.startsWith("saved "), where + ": unexpected output " + line);
                        acknowledged.add(line.substring("saved ".length()));
                        if (++saved == killAfter) {
                            break;
                        }
                    }
                    assertEquals(killAfter, saved, where + ": the child ended early; stderr: " + errors.getNow(""));
                    TimeUnit.MICROSECONDS.sleep(extraMicros); // into the next commit
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no checkpoint
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), where);
            }
            feeder.join(10_000);
            if (saved == 0) {
                killedBeforeFirstSave++;
            }
            assertEquals(137, child.exitValue(), where + ": the child was killed, not ended; stderr: " + errors.get());
            assertEquals("", errors.get(), where + ": nothing on stderr");
            Sqlite.assertIntegrityOk(file);
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(Sqlite.eventIds(file));
            assertTrue(missing.isEmpty(), where + ": " + missing.size() + " acknowledged events are missing");
        }
        long loopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("crash loop: %d kills (%d before the first save), %d acknowledged events, %.1f s, %.0f ms"
                + " per kill%n", kills, killedBeforeFirstSave, acknowledged.size(), loopMillis / 1000.0,
                loopMillis / (double) kills);
        try (CoderFile reopened = CoderFile.open(file)) {
            assertTrue(reopened.allEventsWithTombstones().size() >= acknowledged.size());
        }
        assertEquals(0, CoderWorkReader.read(file).events().stream().filter(e -> e.deleted()).count());
        for (Backups.Backup b : Backups.list(file)) {
            Sqlite.assertIntegrityOk(b.file()); // backups cut short by a kill never show
        }
    }

    /** Writes event lines to the child's stdin until it dies. */
    private static Thread feed(Process child, int kill) {
        Thread t = new Thread(() -> {
            try (OutputStream in = child.getOutputStream()) {
                for (long i = 0; ; i++) {
                    String line = "R-7Q3K," + (i % 3 == 0 ? "TASK" : "OFQ") + "," + (i * 37 % 600_000) / 1000.0
                            + ",,kill " + kill + " line " + i + "\n";
                    in.write(line.getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            } catch (IOException childGone) {
                // The child was killed: the pipe is closed.
            }
        }, "feeder-" + kill);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String drain(Process child) {
        try {
            return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}

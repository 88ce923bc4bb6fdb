package org.earmark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;

/**
 * Tag durability: the time from the call that tags an event to its committed, fsynced transaction,
 * against a bare INSERT + COMMIT on a fresh SQLite file with the same pragmas on the same disk —
 * the floor this disk allows.
 */
public final class TagLatencyBench {

    /** Latency percentiles in milliseconds. */
    public record Latencies(double p50, double p99, double max) {
    }

    private TagLatencyBench() {
    }

    /** Both sides of the comparison, measured in the same run. */
    public record Comparison(Latencies tags, Latencies bare) {
    }

    /**
     * Tags and bare inserts taken in turn, one of each per step, so that both see the same moments of the disk (its
     * fsync times drift by tens of percent over a minute); both are warmed alike first, so neither side's figure
     * holds the JIT compiling it.
     */
    public static Comparison compare(Path dir, int count) throws Exception {
        Path file = dir.resolve("bench-" + UUID.randomUUID() + ".earmark");
        Path bareFile = dir.resolve("bench-bare-" + UUID.randomUUID() + ".sqlite");
        var codebook = CodebookLoader.parse(BenchCodebook.json());
        try (CoderFile f = CoderFile.create(file, new CoderFileSetup("bench", "Bench", "bench", codebook,
                List.of(new Recording("R-BNCH", 0, null, 5_400_000L, null))), Clock.systemUTC());
             Connection c = bareFile(bareFile);
             PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, start_ms) VALUES (?, ?)")) {
            int warmUp = Math.min(500, count);
            long[] tags = new long[count];
            long[] bare = new long[count];
            for (int i = -warmUp; i < count; i++) {
                long t = System.nanoTime();
                f.add(NewEvent.point("R-BNCH", (i & 1) == 0 ? "A" : "B", Math.floorMod(i * 531L, 5_400_000L)));
                long tagged = System.nanoTime() - t;
                t = System.nanoTime();
                ps.setString(1, UUID.randomUUID().toString());
                ps.setLong(2, i);
                ps.executeUpdate();
                c.commit();
                long inserted = System.nanoTime() - t;
                if (i >= 0) {
                    tags[i] = tagged;
                    bare[i] = inserted;
                }
            }
            return new Comparison(percentiles(tags), percentiles(bare));
        } finally {
            deleteWithSidecars(file);
            deleteWithSidecars(bareFile);
        }
    }

    /** A fresh SQLite file with the coder file's pragmas and a one-table schema, in a transaction. */
    private static Connection bareFile(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, start_ms INTEGER NOT NULL)");
            c.setAutoCommit(false);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    static Latencies percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void deleteWithSidecars(Path file) throws java.io.IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}

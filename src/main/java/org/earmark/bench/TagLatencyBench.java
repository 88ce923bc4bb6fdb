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

    public static Latencies tags(Path dir, int count) throws Exception {
        Path file = dir.resolve("bench-" + UUID.randomUUID() + ".earmark");
        var codebook = CodebookLoader.parse(BenchCodebook.json());
        try (CoderFile f = CoderFile.create(file, new CoderFileSetup("bench", "Bench", "bench", codebook,
                List.of(new Recording("R-BNCH", 0, null, 5_400_000L, null))), Clock.systemUTC())) {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                f.add(NewEvent.point("R-BNCH", i % 2 == 0 ? "A" : "B", (i * 531L) % 5_400_000));
                nanos[i] = System.nanoTime() - t;
            }
            return percentiles(nanos);
        } finally {
            deleteWithSidecars(file);
        }
    }

    public static Latencies bareInserts(Path dir, int count) throws SQLException, java.io.IOException {
        Path file = dir.resolve("bench-bare-" + UUID.randomUUID() + ".sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA locking_mode = EXCLUSIVE");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, start_ms INTEGER NOT NULL)");
            }
            c.setAutoCommit(false);
            long[] nanos = new long[count];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, start_ms) VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    long t = System.nanoTime();
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setLong(2, i);
                    ps.executeUpdate();
                    c.commit();
                    nanos[i] = System.nanoTime() - t;
                }
            }
            return percentiles(nanos);
        } finally {
            deleteWithSidecars(file);
        }
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

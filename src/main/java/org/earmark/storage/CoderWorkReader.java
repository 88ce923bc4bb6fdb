package org.earmark.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.earmark.core.Hashes;
import org.earmark.model.CoderWork;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.model.RecordingStatus;
import org.earmark.model.RatingValue;
import org.earmark.model.StatusValue;

/** Reads everything a merge needs from a coder file, read-only: the coder's file is never changed. */
public final class CoderWorkReader {

    private CoderWorkReader() {
    }

    /** Reads what a coder file holds without changing a byte of it (no migration, no audit entry). */
    public static CoderFileSummary summarise(Path file) {
        try (Database db = Database.openReadOnly(file, CoderFile.SCHEMA)) {
            return db.read(c -> {
                Map<String, String> meta = CoderFileSql.meta(c);
                try (Statement s = c.createStatement();
                     ResultSet cb = s.executeQuery("SELECT codebook_id, version, hash FROM codebook")) {
                    String cbId = cb.next() ? cb.getString(1) : null;
                    String cbVersion = cbId == null ? null : cb.getString(2);
                    String cbHash = cbId == null ? null : cb.getString(3);
                    return new CoderFileSummary(Database.intPragma(c, "user_version"), meta.get("file_id"),
                            meta.get("study_id"), meta.get("study_name"), meta.get("coder"), cbId, cbVersion, cbHash,
                            CoderFileSql.count(c, "SELECT count(*) FROM recordings"),
                            CoderFileSql.count(c, "SELECT count(*) FROM events WHERE deleted = 0"),
                            CoderFileSql.count(c, "SELECT count(*) FROM events WHERE deleted = 1"),
                            meta.get("created_at"), meta.get("created_by"));
                }
            });
        }
    }

    public static CoderWork read(Path file) {
        return read(file, false).work();
    }

    /**
     * Reads a coder file for a merge: all but its events, which the study copies straight from the file when they
     * are all stored as Earmark writes them — many times faster than taking them through Java. Whether they are is
     * checked on another thread while the merge goes on; so is the file's hash.
     */
    public static MergeSource readForMerge(Path file) {
        return read(file, true);
    }

    /** With {@code copyIfCanonical} false, always reads the events (the row-by-row merge; tests compare the two). */
    static MergeSource read(Path file, boolean copyIfCanonical) {
        Database db = Database.openReadOnly(file, CoderFile.SCHEMA);
        try {
            if (db.schemaVersion() < CoderFileSchema.OLDEST_MERGEABLE) {
                // Older coder files lack tables this reader needs; opening them in the app upgrades them.
                throw new org.earmark.core.EarmarkException(org.earmark.core.EarmarkException.Kind.UNUSABLE_FILE,
                        file + " was written by an older Earmark (file format " + db.schemaVersion()
                                + "). Open it once in this version of Earmark to upgrade it, then merge again.");
            }
            MergeSource source = db.read(c -> {
                Map<String, String> meta = CoderFileSql.meta(c);
                String hash;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT hash FROM codebook")) {
                    hash = rs.next() ? rs.getString(1) : "";
                }
                List<Event> events = copyIfCanonical ? List.of() : EventSql.list(c, "events", null, true);
                Set<String> eventRecordings = copyIfCanonical ? CoderEventsCheck.eventRecordings(c)
                        : events.stream().map(Event::recordingId).collect(Collectors.toCollection(TreeSet::new));
                CoderWork work = new CoderWork(meta.get("file_id"), meta.get("study_id"), meta.get("coder"), hash,
                        lastChange(c), recordings(c), events, ratings(c), statuses(c));
                CompletableFuture<Boolean> copyable = copyIfCanonical
                        ? CompletableFuture.supplyAsync(() -> db.read(CoderEventsCheck::canonical), CoderWorkReader::start)
                        : CompletableFuture.completedFuture(false);
                // The hash after the check, on the same thread: the merge's own thread has SQLite's copy to do.
                CompletableFuture<String> sha256 = copyable.handle((ok, failed) -> Hashes.sha256(file));
                return new MergeSource(file, work, eventRecordings, !copyIfCanonical, copyable, sha256);
            });
            // The connection stays open for the check; it closes when the check is done, whatever its outcome.
            source.copyable().whenComplete((ok, failed) -> db.close());
            return source;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A thread of its own for the check: the common pool has one thread on two cores, often busy already. */
    private static void start(Runnable task) {
        Thread t = new Thread(task, "earmark-merge-check");
        t.setDaemon(true);
        t.start();
    }

    private static String lastChange(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(at) FROM audit")) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    private static List<Recording> recordings(Connection c) throws SQLException {
        List<Recording> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, position, sha256, duration_ms, audio_file FROM recordings ORDER BY position")) {
            while (rs.next()) {
                long d = rs.getLong(4);
                out.add(new Recording(rs.getString(1), rs.getInt(2), rs.getString(3), rs.wasNull() ? null : d,
                        rs.getString(5)));
            }
        }
        return out;
    }

    private static List<RatingValue> ratings(Connection c) throws SQLException {
        List<RatingValue> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, scale_id, value, updated_at FROM ratings")) {
            while (rs.next()) {
                int v = rs.getInt(3);
                out.add(new RatingValue(rs.getString(1), rs.getString(2), rs.wasNull() ? null : v,
                        Timestamps.parse(rs.getString(4))));
            }
        }
        return out;
    }

    private static List<StatusValue> statuses(Connection c) throws SQLException {
        List<StatusValue> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, status, updated_at FROM recording_status")) {
            while (rs.next()) {
                String stored = rs.getString(2);
                out.add(new StatusValue(rs.getString(1), DamagedValue.of("status \"" + stored + "\"",
                        () -> RecordingStatus.fromStored(stored)), Timestamps.parse(rs.getString(3))));
            }
        }
        return out;
    }
}

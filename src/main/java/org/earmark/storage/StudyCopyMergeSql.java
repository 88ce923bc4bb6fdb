package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.earmark.model.CoderWork;
import org.earmark.model.MergeReport;

/**
 * The merge of a coder file attached as {@code coder} whose events are all as Earmark writes them (see
 * {@link CoderEventsCheck}): SQLite copies the rows itself, with the same rule as {@link StudyMergeSql} — the later
 * change wins, equal changes leave the row as it is — and the same counts. Taking 150,000 events through JDBC one
 * by one cost over a second each way; this copies them in a fraction of that.
 */
final class StudyCopyMergeSql {

    /**
     * In recording order: coder files keep events in id order (schema v4), and copied in that order the study's rows
     * would lie scattered, doubling the time every later read of a recording's events takes.
     */
    private static final String INSERT = "INSERT INTO main.events (coder, " + EventSql.COLUMNS + ") SELECT ?, "
            + EventSql.COLUMNS + " FROM coder.events WHERE true ORDER BY recording_id, start_ms";
    /** Every stored column but the id takes the incoming value when the incoming change is later. */
    private static final String UPSERT = INSERT + " ON CONFLICT (id) DO UPDATE SET "
            + Arrays.stream(EventSql.COLUMNS.split(", ")).filter(col -> !col.equals("id"))
                    .map(col -> col + " = excluded." + col).collect(Collectors.joining(", "))
            + " WHERE excluded.updated_at > events.updated_at";

    private StudyCopyMergeSql() {
    }

    static MergeReport merge(Connection c, CoderWork work, String coderFileName) throws SQLException {
        String coder = work.coder();
        Map<String, int[]> counts = new TreeMap<>(); // recording -> {added, updated, unchanged, live}
        for (var r : work.recordings()) {
            counts.put(r.id(), new int[4]);
        }
        if (!hasEvents(c, coder)) {
            // The first merge of this coder: every event is new, and what is live is what the file has live.
            query(c, "SELECT recording_id, count(*), 0, 0, sum(deleted = 0) FROM coder.events GROUP BY recording_id",
                    null, counts);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, coder);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw StudyMergeSql.copiedFromAnotherCoder(coderFileName, e);
                }
                throw e;
            }
        } else {
            // Times are compared as text: both sides are in the fixed-width form, where text order is time order.
            int others = query(c, "SELECT ce.recording_id, sum(e.id IS NULL),"
                    + " sum(e.coder = ?1 AND ce.updated_at > e.updated_at),"
                    + " sum(e.coder = ?1 AND ce.updated_at <= e.updated_at), 0, sum(e.coder <> ?1)"
                    + " FROM coder.events ce LEFT JOIN main.events e ON e.id = ce.id GROUP BY ce.recording_id",
                    coder, counts);
            if (others > 0) {
                throw StudyMergeSql.copiedFromAnotherCoder(coderFileName, null);
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, coder);
                ps.executeUpdate();
            }
            StudyMergeSql.putLiveCounts(c, coder, counts);
        }
        return StudyMergeSql.finish(c, work, coderFileName, counts);
    }

    private static boolean hasEvents(Connection c, String coder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM main.events WHERE coder = ?)")) {
            ps.setString(1, coder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    /**
     * Adds per-recording counts from rows of (recording, added, updated, unchanged, live, other coder's) into
     * {@code counts}; returns the sum of the last column.
     */
    private static int query(Connection c, String sql, String coder, Map<String, int[]> counts) throws SQLException {
        int others = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (coder != null) {
                ps.setString(1, coder);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    int[] n = counts.computeIfAbsent(rs.getString(1), k -> new int[4]);
                    for (int i = 0; i < 4; i++) {
                        n[i] += rs.getInt(i + 2);
                    }
                    others += columns > 5 ? rs.getInt(6) : 0;
                }
            }
        }
        return others;
    }
}

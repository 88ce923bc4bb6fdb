package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earmark.core.EarmarkException;
import org.earmark.model.CoderWork;
import org.earmark.model.Event;
import org.earmark.model.MergeReport;
import org.earmark.model.RatingValue;
import org.earmark.model.StatusValue;

/** The per-row part of a merge: the later change wins, equal changes leave the row as it is. */
final class StudyMergeSql {

    private StudyMergeSql() {
    }

    /** Merges events one by one from {@code work}: the path for files whose events SQL may not copy as they are. */
    static MergeReport merge(Connection c, CoderWork work, String coderFileName) throws SQLException {
        Map<String, int[]> counts = new TreeMap<>(); // recording -> {added, updated, unchanged, live}
        for (var r : work.recordings()) {
            counts.put(r.id(), new int[4]);
        }
        Map<String, String> storedUpdatedAt = storedEventsOf(c, work.coder());
        String insert = "INSERT INTO events (coder, " + EventSql.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement adds = c.prepareStatement(insert);
             PreparedStatement updates = c.prepareStatement(insert.replace("INSERT", "INSERT OR REPLACE"))) {
            for (Event incoming : work.events()) {
                int[] n = counts.computeIfAbsent(incoming.recordingId(), k -> new int[4]);
                String stored = storedUpdatedAt.get(incoming.id().toString());
                if (stored == null) {
                    bind(adds, work.coder(), incoming);
                    adds.addBatch();
                    n[0]++;
                } else if (Timestamps.parse(stored).isBefore(incoming.updatedAt())) {
                    bind(updates, work.coder(), incoming);
                    updates.addBatch();
                    n[1]++;
                } else {
                    n[2]++;
                }
            }
            try {
                adds.executeBatch();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw copiedFromAnotherCoder(coderFileName, e);
                }
                throw e;
            }
            updates.executeBatch();
        }
        putLiveCounts(c, work.coder(), counts);
        return finish(c, work, coderFileName, counts);
    }

    /** An id new to this coder but already in the study: the file copies another coder's events. */
    static EarmarkException copiedFromAnotherCoder(String coderFileName, SQLException cause) {
        return new EarmarkException(EarmarkException.Kind.BAD_INPUT, coderFileName + " holds events the study"
                + " already has from another coder; a coder file must not be a copy of another coder's file."
                + " Nothing was merged.", cause);
    }

    /**
     * Merges the ratings and statuses and builds the report from per-recording event counts
     * {added, updated, unchanged, live after the merge}.
     */
    static MergeReport finish(Connection c, CoderWork work, String coderFileName, Map<String, int[]> counts)
            throws SQLException {
        int otherChanges = 0;
        for (RatingValue r : work.ratings()) {
            otherChanges += mergeRating(c, work.coder(), r);
        }
        for (StatusValue s : work.statuses()) {
            otherChanges += mergeStatus(c, work.coder(), s);
        }
        List<MergeReport.RecordingMerge> rows = new ArrayList<>();
        for (var e : counts.entrySet()) {
            int[] n = e.getValue();
            rows.add(new MergeReport.RecordingMerge(e.getKey(), n[0], n[1], n[2], n[3]));
        }
        return new MergeReport(work.coder(), coderFileName, rows, otherChanges);
    }

    /** The coder's events already in the study: id → updated_at. */
    private static Map<String, String> storedEventsOf(Connection c, String coder) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, updated_at FROM events WHERE coder = ?")) {
            ps.setString(1, coder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, String coder, Event e) throws SQLException {
        ps.setString(1, coder);
        ps.setString(2, e.id().toString());
        ps.setString(3, e.recordingId());
        ps.setString(4, e.code());
        ps.setLong(5, e.startMs());
        if (e.endMs() == null) {
            ps.setNull(6, Types.INTEGER);
        } else {
            ps.setLong(6, e.endMs());
        }
        ps.setString(7, e.note());
        ps.setString(8, Timestamps.format(e.createdAt()));
        ps.setString(9, Timestamps.format(e.updatedAt()));
        ps.setInt(10, e.deleted() ? 1 : 0);
    }

    private static int mergeRating(Connection c, String coder, RatingValue r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (coder, recording_id, scale_id, value,"
                + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (coder, recording_id, scale_id) DO UPDATE SET"
                + " value = excluded.value, updated_at = excluded.updated_at WHERE excluded.updated_at > updated_at")) {
            ps.setString(1, coder);
            ps.setString(2, r.recordingId());
            ps.setString(3, r.scaleId());
            ps.setObject(4, r.value());
            ps.setString(5, Timestamps.format(r.updatedAt()));
            return ps.executeUpdate();
        }
    }

    private static int mergeStatus(Connection c, String coder, StatusValue s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_status (coder, recording_id, status,"
                + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (coder, recording_id) DO UPDATE SET"
                + " status = excluded.status, updated_at = excluded.updated_at WHERE excluded.updated_at > updated_at")) {
            ps.setString(1, coder);
            ps.setString(2, s.recordingId());
            ps.setString(3, s.status().storedName());
            ps.setString(4, Timestamps.format(s.updatedAt()));
            return ps.executeUpdate();
        }
    }

    /** Sets the live-after-merge count (index 3) of each recording in {@code counts}. */
    static void putLiveCounts(Connection c, String coder, Map<String, int[]> counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT recording_id, count(*) FROM events WHERE coder = ? AND deleted = 0 GROUP BY recording_id")) {
            ps.setString(1, coder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] n = counts.get(rs.getString(1));
                    if (n != null) {
                        n[3] = rs.getInt(2);
                    }
                }
            }
        }
    }
}

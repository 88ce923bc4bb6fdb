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
import org.earmark.model.CoderWork;
import org.earmark.model.Event;
import org.earmark.model.MergeReport;
import org.earmark.model.RatingValue;
import org.earmark.model.StatusValue;

/** The per-row part of a merge: the later change wins, equal changes leave the row as it is. */
final class StudyMergeSql {

    private StudyMergeSql() {
    }

    static MergeReport merge(Connection c, CoderWork work, String coderFileName) throws SQLException {
        Map<String, int[]> counts = new TreeMap<>(); // recording -> {added, updated, unchanged}
        for (var r : work.recordings()) {
            counts.put(r.id(), new int[3]);
        }
        for (Event incoming : work.events()) {
            int[] n = counts.computeIfAbsent(incoming.recordingId(), k -> new int[3]);
            String[] stored = storedEvent(c, incoming);
            if (stored == null) {
                upsertEvent(c, work.coder(), incoming);
                n[0]++;
            } else if (!stored[0].equals(work.coder())) {
                throw new org.earmark.core.EarmarkException(org.earmark.core.EarmarkException.Kind.BAD_INPUT,
                        coderFileName + " holds event " + incoming.id() + " that the study already has from coder "
                                + stored[0] + "; a coder file must not be a copy of another coder's file.");
            } else if (Timestamps.parse(stored[1]).isBefore(incoming.updatedAt())) {
                upsertEvent(c, work.coder(), incoming);
                n[1]++;
            } else {
                n[2]++;
            }
        }
        for (RatingValue r : work.ratings()) {
            mergeRating(c, work.coder(), r);
        }
        for (StatusValue s : work.statuses()) {
            mergeStatus(c, work.coder(), s);
        }
        List<MergeReport.RecordingMerge> rows = new ArrayList<>();
        for (var e : counts.entrySet()) {
            rows.add(new MergeReport.RecordingMerge(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                    liveCount(c, work.coder(), e.getKey())));
        }
        return new MergeReport(work.coder(), coderFileName, rows);
    }

    /** The stored row's coder and updated_at, or null if the study does not have the event. */
    private static String[] storedEvent(Connection c, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coder, updated_at FROM events WHERE id = ?")) {
            ps.setString(1, e.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private static void upsertEvent(Connection c, String coder, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO events (coder, " + EventSql.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            ps.executeUpdate();
        }
    }

    private static void mergeRating(Connection c, String coder, RatingValue r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (coder, recording_id, scale_id, value,"
                + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (coder, recording_id, scale_id) DO UPDATE SET"
                + " value = excluded.value, updated_at = excluded.updated_at WHERE excluded.updated_at > updated_at")) {
            ps.setString(1, coder);
            ps.setString(2, r.recordingId());
            ps.setString(3, r.scaleId());
            ps.setObject(4, r.value());
            ps.setString(5, Timestamps.format(r.updatedAt()));
            ps.executeUpdate();
        }
    }

    private static void mergeStatus(Connection c, String coder, StatusValue s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_status (coder, recording_id, status,"
                + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (coder, recording_id) DO UPDATE SET"
                + " status = excluded.status, updated_at = excluded.updated_at WHERE excluded.updated_at > updated_at")) {
            ps.setString(1, coder);
            ps.setString(2, s.recordingId());
            ps.setString(3, s.status().storedName());
            ps.setString(4, Timestamps.format(s.updatedAt()));
            ps.executeUpdate();
        }
    }

    private static int liveCount(Connection c, String coder, String recordingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM events WHERE coder = ? AND recording_id = ? AND deleted = 0")) {
            ps.setString(1, coder);
            ps.setString(2, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}

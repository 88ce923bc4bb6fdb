package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.model.RecordingStatus;

/** Small SQL statements of the coder file that several operations share. */
final class CoderFileSql {

    private CoderFileSql() {
    }

    static void markStarted(Connection c, String recordingId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE recording_status SET status = 'in_progress',"
                + " updated_at = ? WHERE recording_id = ? AND status = 'not_started'")) {
            ps.setString(1, Timestamps.format(now));
            ps.setString(2, recordingId);
            ps.executeUpdate();
        }
    }

    /** Sets a global rating, or with {@code null} clears it (a set rating means the recording was started). */
    static void writeRating(Connection c, String recordingId, String scaleId, Integer value, Instant now)
            throws SQLException {
        if (value == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM ratings WHERE recording_id = ? AND scale_id = ?")) {
                ps.setString(1, recordingId);
                ps.setString(2, scaleId);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO ratings"
                + " (recording_id, scale_id, value, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, recordingId);
            ps.setString(2, scaleId);
            ps.setInt(3, value);
            ps.setString(4, Timestamps.format(now));
            ps.executeUpdate();
        }
        markStarted(c, recordingId, now);
    }

    static void writeStatus(Connection c, String recordingId, RecordingStatus status, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO recording_status (recording_id, status, updated_at) VALUES (?, ?, ?)")) {
            ps.setString(1, recordingId);
            ps.setString(2, status.storedName());
            ps.setString(3, Timestamps.format(now));
            ps.executeUpdate();
        }
    }

    static void insertRecording(Connection c, Recording r, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recordings"
                + " (id, position, sha256, duration_ms, audio_file) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setInt(2, r.position());
            ps.setString(3, r.sha256());
            ps.setObject(4, r.durationMs());
            ps.setString(5, r.audioFile());
            ps.executeUpdate();
        }
        writeStatus(c, r.id(), RecordingStatus.NOT_STARTED, now);
    }

    /** See {@link CoderFile#carryOver}. */
    static void carryOver(Connection c, List<Event> events, Map<String, Map<String, Integer>> ratings,
            Map<String, RecordingStatus> statuses, Instant now, String coder) throws SQLException {
        EventSql.upsertAll(c, "events", events);
        for (var byRecording : ratings.entrySet()) {
            for (var rating : byRecording.getValue().entrySet()) {
                writeRating(c, byRecording.getKey(), rating.getKey(), rating.getValue(), now);
            }
        }
        for (var status : statuses.entrySet()) {
            writeStatus(c, status.getKey(), status.getValue(), now);
        }
        audit(c, now, coder, "carry over", events.size() + " events, ratings of " + ratings.size()
                + " recordings and " + statuses.size() + " statuses already merged into the study");
    }

    static void audit(Connection c, Instant at, String actor, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, Timestamps.format(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    static Map<String, String> meta(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static Map<String, RecordingStatus> statuses(Connection c) throws SQLException {
        Map<String, RecordingStatus> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT recording_id, status FROM recording_status")) {
            while (rs.next()) {
                String stored = rs.getString(2);
                out.put(rs.getString(1), DamagedValue.of("status \"" + stored + "\"",
                        () -> RecordingStatus.fromStored(stored)));
            }
        }
        return out;
    }

    static Map<String, Integer> liveEventCounts(Connection c) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, count(*) FROM events WHERE deleted = 0 GROUP BY recording_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    static Map<String, Integer> ratings(Connection c, String recordingId) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT scale_id, value FROM ratings WHERE recording_id = ? AND value IS NOT NULL")) {
            ps.setString(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    static byte[] peaks(Connection c, String recordingId, String audioSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM peaks WHERE recording_id = ? AND audio_sha256 IS ?")) {
            ps.setString(1, recordingId);
            ps.setString(2, audioSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    static void putPeaks(Connection c, String recordingId, String audioSha256, byte[] data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO peaks (recording_id, audio_sha256, data) VALUES (?, ?, ?)")) {
            ps.setString(1, recordingId);
            ps.setString(2, audioSha256);
            ps.setBytes(3, data);
            ps.executeUpdate();
        }
    }

    /** The audit log of a coder or study file, oldest first. */
    static java.util.List<org.earmark.model.AuditEntry> auditEntries(Connection c) throws SQLException {
        java.util.List<org.earmark.model.AuditEntry> out = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, at, actor, action, detail FROM audit ORDER BY seq")) {
            while (rs.next()) {
                out.add(new org.earmark.model.AuditEntry(rs.getLong(1), Timestamps.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }
}

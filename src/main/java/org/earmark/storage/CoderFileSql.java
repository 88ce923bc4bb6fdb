package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
}

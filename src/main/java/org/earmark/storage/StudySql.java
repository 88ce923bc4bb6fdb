package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earmark.codebook.Codebook;
import org.earmark.model.AuditEntry;
import org.earmark.model.Event;

/** SQL shared by the study file's operations. */
final class StudySql {

    private StudySql() {
    }

    static void run(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    static void putMeta(Connection c, Map<String, String> meta) throws SQLException {
        for (var e : meta.entrySet()) {
            run(c, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", e.getKey(), e.getValue());
        }
    }

    static void insertCodebook(Connection c, Codebook cb) throws SQLException {
        run(c, "INSERT INTO codebook (singleton, codebook_id, version, hash, json) VALUES (1, ?, ?, ?, ?)", cb.id(),
                cb.version(), cb.hash(), cb.source());
    }

    static void insertRecording(Connection c, StudySetup.Entry e) throws SQLException {
        var r = e.recording();
        run(c, "INSERT INTO recordings (id, audio_file, format, sha256, duration_ms) VALUES (?, ?, ?, ?, ?)", r.id(),
                r.audioFile(), r.format(), r.sha256(), r.durationMs());
        run(c, "INSERT INTO allocation_key (recording_id, original_file, original_sha256) VALUES (?, ?, ?)", r.id(),
                e.originalFile(), e.originalSha256());
        for (var a : e.allocation().entrySet()) {
            run(c, "INSERT INTO allocation (recording_id, column_name, value) VALUES (?, ?, ?)", r.id(), a.getKey(),
                    a.getValue());
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static Map<String, String> pairs(Connection c, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Every event merged from a coder, deleted ones (tombstones) included, as stored. */
    static List<Event> mergedEvents(Connection c, String coder) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventSql.COLUMNS + " FROM events WHERE coder = ?"
                + " ORDER BY recording_id, start_ms, created_at, id")) {
            ps.setString(1, coder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventSql.read(rs, 1));
                }
            }
        }
        return out;
    }

    static List<Event> events(Connection c, String coder, String recordingId) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventSql.COLUMNS + " FROM events"
                + " WHERE coder = ? AND recording_id = ? AND deleted = 0 ORDER BY start_ms, created_at, id")) {
            ps.setString(1, coder);
            ps.setString(2, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventSql.read(rs, 1));
                }
            }
        }
        return out;
    }


    static Map<String, Map<String, List<Event>>> liveEvents(Connection c) throws SQLException {
        Map<String, Map<String, List<Event>>> out = new java.util.TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coder, " + EventSql.COLUMNS
                + " FROM events WHERE deleted = 0 ORDER BY recording_id, coder, start_ms, created_at, id")) {
            while (rs.next()) {
                String coder = rs.getString(1);
                Event e = EventSql.read(rs, 2);
                out.computeIfAbsent(e.recordingId(), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(coder, k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    static Map<String, Map<String, Map<String, Integer>>> ratings(Connection c) throws SQLException {
        Map<String, Map<String, Map<String, Integer>>> out = new java.util.TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, coder, scale_id, value FROM ratings WHERE value IS NOT NULL")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new java.util.TreeMap<>())
                        .put(rs.getString(3), rs.getInt(4));
            }
        }
        return out;
    }

    static Map<String, Map<String, String>> statuses(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, coder, status FROM recording_status")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    static Map<String, Map<String, String>> allocation(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recording_id, column_name, value FROM allocation")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}

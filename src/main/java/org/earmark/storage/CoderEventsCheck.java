package org.earmark.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a coder file's events may be copied into the study by SQL as they are. A copy keeps the stored
 * text, while reading each row into an {@link org.earmark.model.Event} and writing it back normalises it (a UUID in
 * capitals, a time without milliseconds) or refuses it as damage. Both give the same study exactly when every row
 * is already in the form Earmark writes: canonical lower-case UUIDs, {@code yyyy-MM-ddTHH:mm:ss.SSSZ} times of
 * real dates, integer times and flags, text codes that are not blank. Anything else takes the row-by-row path.
 *
 * <p>Checking row by row through JDBC costs about as much as the merge it is meant to save, so SQLite checks the
 * types and lengths and hands the ids and times over as one string, which is checked here in one loop.
 */
final class CoderEventsCheck {

    /** One row's id and two times, back to back. */
    private static final int CHUNK = 36 + 24 + 24;

    private CoderEventsCheck() {
    }

    /** The recordings the {@code events} table has events on, tombstones included, in id order. */
    static Set<String> eventRecordings(Connection c) throws SQLException {
        Set<String> recordings = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT recording_id FROM"
                + " events")) {
            while (rs.next()) {
                String id = rs.getString(1);
                recordings.add(id == null ? "" : id);
            }
        }
        return recordings;
    }

    /** Checks the {@code events} table of the coder file {@code c} is connected to. */
    static boolean canonical(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT recording_id FROM"
                + " events UNION SELECT DISTINCT code FROM events")) {
            while (rs.next()) {
                String value = rs.getString(1);
                if (value == null || value.isBlank()) {
                    return false;
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*),
                       sum(typeof(id) <> 'text' OR length(id) <> 36
                           OR typeof(created_at) <> 'text' OR length(created_at) <> 24
                           OR typeof(updated_at) <> 'text' OR length(updated_at) <> 24
                           OR typeof(recording_id) <> 'text' OR typeof(code) <> 'text' OR typeof(note) <> 'text'
                           OR typeof(start_ms) <> 'integer' OR start_ms < 0
                           OR (end_ms IS NOT NULL AND (typeof(end_ms) <> 'integer' OR end_ms < start_ms))
                           OR typeof(deleted) <> 'integer' OR deleted NOT IN (0, 1)),
                       group_concat(id || created_at || updated_at, '')
                FROM events""")) {
            rs.next();
            long rows = rs.getLong(1);
            long odd = rs.getLong(2);
            String idsAndTimes = rs.getString(3);
            return odd == 0 && (rows == 0 || idsAndTimes != null && idsAndTimes.length() == rows * CHUNK
                    && chunksCanonical(idsAndTimes));
        }
    }

    private static boolean chunksCanonical(String s) {
        for (int at = 0; at < s.length(); at += CHUNK) {
            if (!uuid(s, at) || !Timestamps.isCanonical(s, at + 36) || !Timestamps.isCanonical(s, at + 60)) {
                return false;
            }
        }
        return true;
    }

    /** What {@link java.util.UUID#toString()} writes: lower-case hex in groups of 8-4-4-4-12. */
    private static boolean uuid(String s, int at) {
        for (int i = 0; i < 36; i++) {
            char ch = s.charAt(at + i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? ch == '-'
                    : ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

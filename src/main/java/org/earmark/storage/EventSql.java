package org.earmark.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earmark.model.Event;

/** The SQL for the events table, shared by coder files and (for merged events) study files. */
final class EventSql {

    static final String COLUMNS = "id, recording_id, code, start_ms, end_ms, note, created_at, updated_at, deleted";

    private EventSql() {
    }

    /** Inserts the event, or replaces the stored row with the same id. */
    static void upsert(Connection c, String table, Event e) throws SQLException {
        upsertAll(c, table, List.of(e));
    }

    /** Inserts or replaces many events with one prepared statement, in the caller's transaction. */
    static void upsertAll(Connection c, String table, List<Event> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                bind(ps, e);
                if (events.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (events.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    /** Binds an event to the nine placeholders of {@link #COLUMNS}, in order. */
    static void bind(PreparedStatement ps, Event e) throws SQLException {
        ps.setString(1, e.id().toString());
        ps.setString(2, e.recordingId());
        ps.setString(3, e.code());
        ps.setLong(4, e.startMs());
        if (e.endMs() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, e.endMs());
        }
        ps.setString(6, e.note());
        ps.setString(7, Timestamps.format(e.createdAt()));
        ps.setString(8, Timestamps.format(e.updatedAt()));
        ps.setInt(9, e.deleted() ? 1 : 0);
    }

    static Optional<Event> find(Connection c, String table, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Events in time order; tombstones only when asked for. */
    static List<Event> list(Connection c, String table, String recordingId, boolean withDeleted) throws SQLException {
        String where = (recordingId == null ? "1 = 1" : "recording_id = ?") + (withDeleted ? "" : " AND deleted = 0");
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where
                + " ORDER BY recording_id, start_ms, created_at, id")) {
            if (recordingId != null) {
                ps.setString(1, recordingId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Event> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs, 1));
                }
                return out;
            }
        }
    }

    /** Reads an event whose {@link #COLUMNS} start at column {@code first} of the row. */
    static Event read(ResultSet rs, int first) throws SQLException {
        int i = first - 1;
        long end = rs.getLong(i + 5);
        Long endMs = rs.wasNull() ? null : end;
        String id = rs.getString(i + 1);
        String recording = rs.getString(i + 2);
        String code = rs.getString(i + 3);
        long start = rs.getLong(i + 4);
        String note = rs.getString(i + 6);
        String created = rs.getString(i + 7);
        String updated = rs.getString(i + 8);
        boolean deleted = rs.getInt(i + 9) != 0;
        return event(id, recording, code, start, endMs, note, created, updated, deleted);
    }

    /** An event from its stored values; a value Earmark cannot have written is damage, named after the event. */
    static Event event(String id, String recording, String code, long start, Long endMs, String note, String created,
            String updated, boolean deleted) {
        return DamagedValue.of(() -> "event " + id, () -> {
            UUID uuid = UUID.fromString(id);
            java.time.Instant createdAt = Timestamps.parse(created);
            // Most events were never changed: one Instant serves both times (a third of the objects of a big read).
            java.time.Instant updatedAt = java.util.Objects.equals(updated, created) ? createdAt
                    : Timestamps.parse(updated);
            return new Event(uuid, recording, code, start, endMs, note, createdAt, updatedAt, deleted);
        });
    }
}

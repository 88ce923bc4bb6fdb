package org.earmark.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earmark.model.Event;

/**
 * Every coder's live events of a study, read in bulk. Row by row, sqlite-jdbc costs 2–7 µs a row in JNI calls
 * (1.1 s for a trial's 450,000 events); here SQLite packs each coder's events on a recording, in time order, into
 * one JSON array, so a study is some 1,500 rows, and their parsing runs on the other cores while SQLite packs the
 * next. JSON keeps every text exact (escaped) and every value's type. A value that is not what Earmark stores (a
 * time that is not an integer, a blob, a damaged id or time) sends the whole read to the row-by-row path, which
 * reads the same events or refuses the same damage with the same message.
 */
final class LiveEventsReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String PACKED = "SELECT recording_id, coder, json_group_array(json_array(id, created_at,"
            + " updated_at, start_ms, end_ms, code, note) ORDER BY start_ms, created_at, id) FROM events"
            + " WHERE deleted = 0 GROUP BY coder, recording_id";

    /** A value the packed form cannot stand for; the row-by-row path then reads (or refuses) it. */
    private static final class Unexpected extends Exception {
        Unexpected(String what, Throwable cause) {
            super(what, cause, false, false);
        }
    }

    private LiveEventsReader() {
    }

    /** Recording → coder → live events in time order (then creation, then id), as {@link StudySql#liveEvents}. */
    static Map<String, Map<String, List<Event>>> read(Connection c) throws SQLException {
        try {
            return packed(c);
        } catch (Unexpected e) {
            return StudySql.liveEvents(c);
        }
    }

    private static Map<String, Map<String, List<Event>>> packed(Connection c) throws SQLException, Unexpected {
        record Group(String recording, String coder, CompletableFuture<List<Event>> events) {
        }
        List<Group> groups = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PACKED)) {
            while (rs.next()) {
                String recording = rs.getString(1);
                String coder = rs.getString(2);
                String json = rs.getString(3);
                groups.add(new Group(recording, coder, CompletableFuture.supplyAsync(() -> parse(recording, json))));
            }
        } catch (SQLException e) {
            // json_array() refuses a blob: not what Earmark stores, so the row-by-row path says what it is.
            if (e.getMessage() != null && e.getMessage().contains("JSON cannot hold BLOB")) {
                throw new Unexpected("a blob", e);
            }
            throw e;
        }
        Map<String, Map<String, List<Event>>> out = new TreeMap<>();
        for (Group g : groups) {
            List<Event> events;
            try {
                events = g.events().join();
            } catch (CompletionException e) {
                throw new Unexpected("an event of " + g.coder() + " on " + g.recording(), e.getCause());
            }
            out.computeIfAbsent(g.recording(), k -> new TreeMap<>()).put(g.coder(), events);
        }
        return out;
    }

    /** Parses {@code [[id, created, updated, start, end, code, note], ...]}; throws on anything else. */
    private static List<Event> parse(String recording, String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<Event> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String id = text(p);
                String created = text(p);
                String updated = text(p);
                long start = integer(p);
                Long end = p.nextToken() == JsonToken.VALUE_NULL ? null : integerHere(p);
                String code = text(p);
                String note = text(p);
                expect(p.nextToken(), JsonToken.END_ARRAY);
                out.add(EventSql.event(id, recording, code, start, end, note, created, updated, false));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("packed events of " + recording + " are not the JSON SQLite writes", e);
        }
    }

    private static String text(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static long integer(JsonParser p) throws IOException {
        p.nextToken();
        return integerHere(p);
    }

    private static long integerHere(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            throw new IllegalStateException("an integer beyond 64 bits: " + p.getText());
        }
        return p.getLongValue();
    }

    private static void expect(JsonToken got, JsonToken wanted) {
        if (got != wanted) {
            throw new IllegalStateException("expected " + wanted + ", got " + got);
        }
    }
}

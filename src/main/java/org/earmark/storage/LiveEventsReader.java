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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.earmark.model.Event;

/**
 * Every coder's live events of a study, read in bulk. Row by row, sqlite-jdbc costs 2–7 µs a row in JNI calls
 * (1.1 s for a trial's 450,000 events); here SQLite packs each coder's events on a recording, in time order, into
 * one JSON array, so a study is some 1,500 rows, parsed on a helper thread while SQLite packs the next (and by the
 * reading thread too once SQLite is done). JSON keeps every text exact (escaped) and every value's type. A value that is not what Earmark stores (a
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

    /** One coder's packed events on one recording, parsed by whichever thread takes it first. */
    private static final class Group {
        final String recording;
        final String coder;
        /** Dropped once parsed: holding every group's text to the end would double the read's peak memory. */
        byte[] json;
        List<Event> events;
        Throwable failure;

        Group(String recording, String coder, byte[] json) {
            this.recording = recording;
            this.coder = coder;
            this.json = json;
        }

        void parse() {
            try {
                events = LiveEventsReader.parse(recording, json);
            } catch (RuntimeException | Error e) {
                failure = e; // reported by the reading thread, which also sees a group nobody parsed
            } finally {
                json = null;
            }
        }
    }

    /** Tells the helper thread that no more groups will come. */
    private static final Group END = new Group("", "", new byte[0]);

    /**
     * SQLite packs on this thread while a helper thread parses what is packed; when SQLite is done this thread
     * parses too. A thread of its own rather than the common pool, which has one thread on two cores and may be
     * busy: the helper only ever waits on the queue, so it costs nothing while it has nothing to do.
     */
    private static Map<String, Map<String, List<Event>>> packed(Connection c) throws SQLException, Unexpected {
        List<Group> groups = new ArrayList<>();
        BlockingQueue<Group> queue = new LinkedBlockingQueue<>();
        Thread helper = new Thread(() -> {
            try {
                for (Group g = queue.take(); g != END; g = queue.take()) {
                    g.parse();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // only when this read failed; the groups are dropped
            }
        }, "earmark-read-events");
        helper.setDaemon(true);
        helper.start();
        boolean read = false;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PACKED)) {
            while (rs.next()) {
                // UTF-8 as SQLite has it: decoded by the parser, off this thread when the helper takes it.
                Group g = new Group(rs.getString(1), rs.getString(2), rs.getBytes(3));
                groups.add(g);
                queue.add(g);
            }
            read = true;
        } catch (SQLException e) {
            // json_array() refuses a blob: not what Earmark stores, so the row-by-row path says what it is.
            if (e.getMessage() != null && e.getMessage().contains("JSON cannot hold BLOB")) {
                throw new Unexpected("a blob", e);
            }
            throw e;
        } finally {
            if (!read) {
                helper.interrupt(); // whatever stopped the read (an Error too), the helper must not wait for more
            }
        }
        queue.add(END);
        for (Group g = queue.poll(); g != null; g = queue.poll()) {
            if (g == END) {
                queue.add(END);
                break;
            }
            g.parse();
        }
        try {
            helper.join();
        } catch (InterruptedException e) {
            helper.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the study's events", e);
        }
        Map<String, Map<String, List<Event>>> out = new TreeMap<>();
        for (Group g : groups) {
            if (g.failure instanceof Error e) {
                throw e;
            }
            if (g.failure != null || g.events == null) {
                throw new Unexpected("an event of " + g.coder + " on " + g.recording, g.failure);
            }
            out.computeIfAbsent(g.recording, k -> new TreeMap<>()).put(g.coder, g.events);
        }
        return out;
    }

    /** Parses {@code [[id, created, updated, start, end, code, note], ...]}; throws on anything else. */
    private static List<Event> parse(String recording, byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<Event> out = new ArrayList<>();
            // A coder uses a handful of codes: one String each instead of one per event (450,000 of them in a
            // trial) saves memory, and every later lookup by code finds its hash already computed.
            List<String> codes = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String id = text(p);
                String created = text(p);
                String updated = text(p);
                long start = integer(p);
                Long end = p.nextToken() == JsonToken.VALUE_NULL ? null : integerHere(p);
                String code = shared(codes, text(p));
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

    private static String shared(List<String> seen, String value) {
        for (String s : seen) {
            if (s.equals(value)) {
                return s;
            }
        }
        seen.add(value);
        return value;
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

package org.earmark.storage;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earmark.audio.Peaks;
import org.earmark.audio.PeaksCodec;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.RatingScale;
import org.earmark.core.AppVersion;
import org.earmark.core.EarmarkException;
import org.earmark.model.AuditEntry;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;

/**
 * One coder's file: the codebook, that coder's recordings, and everything the coder did. Every
 * method that changes something is one transaction, committed to disk before it returns, with its
 * audit entry in the same transaction.
 */
public final class CoderFile implements AutoCloseable {

    static final Schema SCHEMA = CoderFileSchema.SCHEMA;

    private final Database db;
    private final Clock clock;
    private final Codebook codebook;
    private final String coder;
    /** Recordings never change after the file is made, so they are read once. */
    private final List<Recording> recordings;
    private final Map<String, Recording> recordingsById = new HashMap<>();
    /** Recordings past "not started", so a tag needs no status update after the first. */
    private final java.util.Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Why the backup taken at open failed, if it did (the file itself opened fine). */
    private Optional<EarmarkException> backupProblem = Optional.empty();

    private CoderFile(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.codebook = db.read(c -> StoredCodebook.load(c, db.file()));
        this.coder = db.read(c -> CoderFileSql.meta(c).getOrDefault("coder", "unknown"));
        this.recordings = db.read(c -> {
            List<Recording> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, position, sha256, duration_ms, audio_file FROM recordings ORDER BY position, id")) {
                while (rs.next()) {
                    long duration = rs.getLong(4);
                    Long durationMs = rs.wasNull() ? null : duration;
                    out.add(new Recording(rs.getString(1), rs.getInt(2), rs.getString(3), durationMs, rs.getString(5)));
                }
            }
            return List.copyOf(out);
        });
        recordings.forEach(r -> recordingsById.put(r.id(), r));
        started.addAll(db.read(c -> StudySql.strings(c,
                "SELECT recording_id FROM recording_status WHERE status <> 'not_started'")));
    }

    public static CoderFile create(Path file, CoderFileSetup setup, Clock clock) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Database db = Database.create(file, SCHEMA, c -> {
            Map<String, String> meta = new HashMap<>();
            meta.put("file_id", UUID.randomUUID().toString());
            meta.put("study_id", setup.studyId());
            meta.put("study_name", setup.studyName());
            meta.put("coder", setup.coder());
            meta.put("created_at", Timestamps.format(now));
            meta.put("created_by", "Earmark " + AppVersion.current());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (var entry : meta.entrySet()) {
                    ps.setString(1, entry.getKey());
                    ps.setString(2, entry.getValue());
                    ps.executeUpdate();
                }
            }
            Codebook cb = setup.codebook();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO codebook (singleton, codebook_id, version, hash, json) VALUES (1, ?, ?, ?, ?)")) {
                ps.setString(1, cb.id());
                ps.setString(2, cb.version());
                ps.setString(3, cb.hash());
                ps.setString(4, cb.source());
                ps.executeUpdate();
            }
            for (Recording r : setup.recordings()) {
                CoderFileSql.insertRecording(c, r, now);
            }
            CoderFileSql.audit(c, now, setup.coder(), "create", "coder file for study " + setup.studyId() + " with "
                    + setup.recordings().size() + " recordings, codebook " + cb);
            return null;
        });
        return new CoderFile(db, clock);
    }

    public static boolean exists(Path file) {
        return java.nio.file.Files.exists(file);
    }

    public static CoderFile open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static CoderFile open(Path file, Clock clock) {
        Database db = Database.openForWriting(file, SCHEMA);
        try {
            CoderFile coderFile = new CoderFile(db, clock);
            db.write(c -> {
                CoderFileSql.audit(c, coderFile.now(), coderFile.coder, "open", "schema " + SCHEMA.currentVersion());
                return null;
            });
            coderFile.backupProblem = Backups.onOpen(db);
            return coderFile;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens a coder file only to read it (an export): nothing in it changes — no audit entry, no migration, no
     * backup — so a file that turns out to be damaged is left exactly as it was. Methods that change the file
     * throw {@link IllegalStateException}.
     */
    public static CoderFile openReadOnly(Path file) {
        Database db = Database.openReadOnly(file, SCHEMA);
        try {
            return new CoderFile(db, Clock.systemUTC());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Path path() {
        return db.file();
    }

    /** Why the automatic backup taken when the file was opened failed (see {@link Backups}), if it did. */
    public Optional<EarmarkException> backupProblem() {
        return backupProblem;
    }

    Database database() {
        return db;
    }

    public Codebook codebook() {
        return codebook;
    }

    public String coder() {
        return coder;
    }

    public Map<String, String> meta() {
        return db.read(CoderFileSql::meta);
    }

    public List<Recording> recordings() {
        return recordings;
    }

    public Recording recording(String recordingId) {
        Recording r = recordingsById.get(recordingId);
        if (r == null) {
            throw EarmarkException.badInput("No recording " + recordingId + " in " + path());
        }
        return r;
    }

    /** Each recording with its status and number of (non-deleted) events, in the coder's order. */
    public List<RecordingProgress> progress() {
        Map<String, RecordingStatus> status = db.read(CoderFileSql::statuses);
        Map<String, Integer> counts = db.read(CoderFileSql::liveEventCounts);
        return recordings().stream().map(r -> new RecordingProgress(r,
                status.getOrDefault(r.id(), RecordingStatus.NOT_STARTED), counts.getOrDefault(r.id(), 0))).toList();
    }

    /** The recording's events in time order, without deleted ones. */
    public List<Event> events(String recordingId) {
        return db.read(c -> EventSql.list(c, "events", recordingId, false));
    }

    /** Every event of every recording, tombstones included (for merging). */
    public List<Event> allEventsWithTombstones() {
        return db.read(c -> EventSql.list(c, "events", null, true));
    }

    public Optional<Event> event(UUID id) {
        return db.read(c -> EventSql.find(c, "events", id));
    }

    /** Tags a new event; it is on disk when this returns. This is the hot path of a coding session. */
    public Event add(NewEvent request) {
        return add(UUID.randomUUID(), request);
    }

    /**
     * Tags a new event under an id the caller chose, so a view can show (and undo) the event before
     * the write has finished; it is on disk when this returns.
     */
    public Event add(UUID id, NewEvent request) {
        validate(request.recordingId(), request.code(), request.startMs(), request.endMs());
        Instant now = now();
        Event event = new Event(id, request.recordingId(), request.code(), request.startMs(),
                request.endMs(), request.note(), now, now, false);
        boolean first = !started.contains(event.recordingId());
        db.write(c -> {
            PreparedStatement insert = db.cached("INSERT INTO events (" + EventSql.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            EventSql.bind(insert, event);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                // A plain INSERT, so an id the file already has fails here rather than costing a lookup per tag.
                if (String.valueOf(e.getMessage()).contains("PRIMARYKEY")) {
                    throw EarmarkException.badInput("Event " + id + " already exists in " + path());
                }
                throw e;
            }
            if (first) {
                CoderFileSql.markStarted(c, event.recordingId(), now);
            }
            PreparedStatement audit = db.cached("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)");
            audit.setString(1, Timestamps.format(now));
            audit.setString(2, coder);
            audit.setString(3, "add");
            audit.setString(4, describe(event));
            audit.executeUpdate();
            return null;
        });
        started.add(event.recordingId());
        return event;
    }

    /** Adds many events as one action (an import): all are stored, or — if any is invalid — none. */
    public List<Event> addAll(List<NewEvent> requests, String source) {
        Instant now = now();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            NewEvent r = requests.get(i);
            try {
                validate(r.recordingId(), r.code(), r.startMs(), r.endMs());
            } catch (EarmarkException e) {
                throw EarmarkException.badInput("Event " + (i + 1) + " of " + source + ": " + e.getMessage()
                        + ". Nothing was imported.");
            }
            events.add(new Event(UUID.randomUUID(), r.recordingId(), r.code(), r.startMs(), r.endMs(), r.note(), now,
                    now, false));
        }
        return db.write(c -> {
            EventSql.upsertAll(c, "events", events);
            for (String recordingId : events.stream().map(Event::recordingId).distinct().toList()) {
                CoderFileSql.markStarted(c, recordingId, now);
            }
            CoderFileSql.audit(c, now, coder, "import", events.size() + " events from " + source);
            return events;
        });
    }

    /**
     * Takes in, as one action, a coder's work that the study already holds (a re-issued package): events with their
     * ids, times and tombstones as stored, so that merging this file, or the coder's earlier one, meets the same
     * events again instead of adding copies; and ratings and statuses, per recording.
     */
    public void carryOver(List<Event> events, Map<String, Map<String, Integer>> ratings,
            Map<String, RecordingStatus> statuses) {
        for (Event e : events) {
            recording(e.recordingId());
        }
        Instant now = now();
        db.write(c -> {
            CoderFileSql.carryOver(c, events, ratings, statuses, now, coder);
            return null;
        });
        started.addAll(statuses.entrySet().stream().filter(e -> e.getValue() != RecordingStatus.NOT_STARTED)
                .map(Map.Entry::getKey).toList());
    }

    /** Stores a changed event (moved, re-coded, new note, deleted or restored); returns it as stored. */
    public Event update(Event changed) {
        validate(changed.recordingId(), changed.code(), changed.startMs(), changed.endMs());
        Instant now = now();
        return db.write(c -> {
            Event before = EventSql.find(c, "events", changed.id()).orElseThrow(() -> EarmarkException.badInput(
                    "No event " + changed.id() + " in " + path()));
            if (!before.recordingId().equals(changed.recordingId())) {
                throw EarmarkException.badInput("An event cannot move to another recording: " + changed.id());
            }
            Event stored = new Event(changed.id(), changed.recordingId(), changed.code(), changed.startMs(),
                    changed.endMs(), changed.note(), before.createdAt(), now, changed.deleted());
            EventSql.upsert(c, "events", stored);
            String action = before.deleted() == stored.deleted() ? "update" : stored.deleted() ? "delete" : "restore";
            CoderFileSql.audit(c, now, coder, action, describe(stored));
            return stored;
        });
    }

    /** Deletes an event, keeping it as a tombstone so the deletion survives a merge. */
    public Event delete(UUID id) {
        Event event = event(id).orElseThrow(() -> EarmarkException.badInput("No event " + id + " in " + path()));
        return update(event.withDeleted(true, now()));
    }

    /** Sets (or, with {@code null}, clears) a global rating of a recording. */
    public void setRating(String recordingId, String scaleId, Integer value) {
        recording(recordingId);
        RatingScale scale = codebook.rating(scaleId).orElseThrow(() -> EarmarkException.badInput(
                "The codebook has no rating \"" + scaleId + "\""));
        if (value != null && !scale.accepts(value)) {
            throw EarmarkException.badInput("Rating " + scaleId + " must be between " + scale.min() + " and "
                    + scale.max() + ", was " + value);
        }
        Instant now = now();
        db.write(c -> {
            CoderFileSql.writeRating(c, recordingId, scaleId, value, now);
            CoderFileSql.audit(c, now, coder, "rate", recordingId + " " + scaleId + "=" + value);
            return null;
        });
    }

    /** The recording's global ratings by scale id. */
    public Map<String, Integer> ratings(String recordingId) {
        return db.read(c -> CoderFileSql.ratings(c, recordingId));
    }

    public void setStatus(String recordingId, RecordingStatus status) {
        recording(recordingId);
        Instant now = now();
        db.write(c -> {
            CoderFileSql.writeStatus(c, recordingId, status, now);
            CoderFileSql.audit(c, now, coder, "status", recordingId + " " + status.storedName());
            return null;
        });
        if (status == RecordingStatus.NOT_STARTED) {
            started.remove(recordingId);
        } else {
            started.add(recordingId);
        }
    }

    /**
     * Waveform peaks stored for a recording, if any were stored for the audio with this sha256
     * (peaks of a different file are stale and ignored). Damaged peaks count as none.
     */
    public Optional<Peaks> peaks(String recordingId, String audioSha256) {
        byte[] stored = db.read(c -> CoderFileSql.peaks(c, recordingId, audioSha256));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PeaksCodec.decode(stored));
        } catch (EarmarkException damaged) {
            return Optional.empty();
        }
    }

    /** Keeps computed peaks in the file so the waveform appears at once next time. */
    public void storePeaks(String recordingId, String audioSha256, Peaks peaks) {
        recording(recordingId);
        byte[] data = PeaksCodec.encode(peaks);
        db.write(c -> {
            CoderFileSql.putPeaks(c, recordingId, audioSha256, data);
            return null;
        });
    }

    public List<AuditEntry> audit() {
        return db.read(CoderFileSql::auditEntries);
    }

    /** Stored times have millisecond precision; what a call returns must equal what a reopen reads. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Closes the file. Throws an IO failure (after rescuing its content) if the file was moved or deleted while
     * open and no save has reported that yet: closing would otherwise lose it without a word.
     */
    @Override
    public void close() {
        try {
            db.ensureStillThere(false);
        } finally {
            db.close();
        }
    }

    private void validate(String recordingId, String codeId, long startMs, Long endMs) {
        EventRules.check(codebook, recording(recordingId), codeId, startMs, endMs);
    }

    private static String describe(Event e) {
        return e.id() + " " + e.recordingId() + " " + e.code() + " " + e.startMs()
                + (e.endMs() == null ? "" : "-" + e.endMs()) + " ms";
    }
}

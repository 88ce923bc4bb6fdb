package org.earmark.storage;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.codebook.EventCode;
import org.earmark.codebook.RatingScale;
import org.earmark.core.AppVersion;
import org.earmark.core.EarmarkException;
import org.earmark.model.Assignment;
import org.earmark.model.AuditEntry;
import org.earmark.model.Event;
import org.earmark.model.MergeReport;
import org.earmark.model.NewEvent;
import org.earmark.model.StudyRecording;

/**
 * The lead researcher's study: recordings, the allocation key, coders, assignments and every
 * coder's merged work. Each change is one committed transaction with its audit entry.
 */
public final class StudyFile implements AutoCloseable {

    /** The study file's name inside a study folder. */
    public static final String FILE_NAME = "study.earmark-study";
    /** The coder name under which the lead's adjudicated (consensus) coding is stored. */
    public static final String CONSENSUS = "consensus";
    static final Schema SCHEMA = StudyFileSchema.SCHEMA;

    private final Database db;
    private final Clock clock;
    private final String actor;
    private final Map<String, String> meta;
    private final Codebook codebook;

    private StudyFile(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.actor = System.getProperty("user.name", "lead");
        this.meta = db.read(CoderFileSql::meta);
        this.codebook = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT json FROM codebook")) {
                if (!rs.next()) {
                    throw new EarmarkException(EarmarkException.Kind.UNUSABLE_FILE, db.file() + " holds no codebook");
                }
                return StoredCodebook.parse(rs.getString(1), db.file());
            }
        });
    }

    public static StudyFile create(Path file, StudySetup setup, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actor = System.getProperty("user.name", "lead");
        Database db = Database.create(file, SCHEMA, c -> {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("study_id", UUID.randomUUID().toString());
            meta.put("name", setup.name());
            meta.put("created_at", Timestamps.format(now));
            meta.put("created_by", "Earmark " + AppVersion.current());
            meta.put("unblinded_at", "");
            StudySql.putMeta(c, meta);
            StudySql.insertCodebook(c, setup.codebook());
            for (int i = 0; i < setup.allocationColumns().size(); i++) {
                StudySql.run(c, "INSERT INTO allocation_columns (position, column_name) VALUES (?, ?)", i,
                        setup.allocationColumns().get(i));
            }
            for (StudySetup.Entry e : setup.recordings()) {
                StudySql.insertRecording(c, e);
            }
            CoderFileSql.audit(c, now, actor, "init", "study " + setup.name() + " with " + setup.recordings().size()
                    + " recordings, codebook " + setup.codebook());
            return null;
        });
        return new StudyFile(db, clock);
    }

    public static StudyFile open(Path file, Clock clock) {
        return wrap(Database.openForWriting(file, SCHEMA), clock);
    }

    /**
     * For reports that only read (agreement, fidelity, status, export): they work on a study kept read-only, such as
     * an archived copy re-analysed years later, and cannot change a byte of it. A write through it is refused.
     */
    public static StudyFile openReadOnly(Path file, Clock clock) {
        return wrap(Database.openReadOnly(file, SCHEMA), clock);
    }

    private static StudyFile wrap(Database db, Clock clock) {
        try {
            return new StudyFile(db, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Path path() {
        return db.file();
    }

    public String id() {
        return meta.get("study_id");
    }

    public String name() {
        return meta.get("name");
    }

    public Codebook codebook() {
        return codebook;
    }

    public List<StudyRecording> recordings() {
        return db.read(c -> {
            List<StudyRecording> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, audio_file, format, sha256, duration_ms FROM recordings ORDER BY id")) {
                while (rs.next()) {
                    out.add(new StudyRecording(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
            return out;
        });
    }

    public List<String> coders() {
        return db.read(c -> StudySql.strings(c, "SELECT name FROM coders ORDER BY position"));
    }

    public List<Assignment> assignments() {
        return db.read(c -> {
            List<Assignment> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT recording_id, coder, position, role FROM assignments ORDER BY coder, position")) {
                while (rs.next()) {
                    out.add(new Assignment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Coders who have been sent a package, with when. */
    public Map<String, String> packagesMade() {
        return db.read(c -> StudySql.pairs(c, "SELECT coder, at FROM packages ORDER BY coder"));
    }

    /** Replaces coders and assignments; refused once any package has gone out, since coders already have theirs. */
    public void assign(List<String> coders, List<Assignment> assignments, String detail) {
        CoderNames.check(coders); // every caller (CLI, UI, demo) meets the same rule before anything is written
        Instant now = now();
        db.write(c -> {
            Map<String, String> made = StudySql.pairs(c, "SELECT coder, at FROM packages");
            if (!made.isEmpty()) {
                throw EarmarkException.badInput("Packages have already been made for " + made.keySet() + " in "
                        + path() + "; assignments cannot change after coders have their recordings.");
            }
            StudySql.run(c, "DELETE FROM assignments WHERE role <> 'consensus'");
            StudySql.run(c, "DELETE FROM coders WHERE name NOT IN (SELECT coder FROM assignments)");
            for (int i = 0; i < coders.size(); i++) {
                StudySql.run(c, "INSERT OR REPLACE INTO coders (name, position) VALUES (?, ?)", coders.get(i), i);
            }
            for (Assignment a : assignments) {
                StudySql.run(c, "INSERT INTO assignments (recording_id, coder, position, role) VALUES (?, ?, ?, ?)",
                        a.recordingId(), a.coder(), a.position(), a.role());
            }
            CoderFileSql.audit(c, now, actor, "assign", detail);
            return null;
        });
    }

    public void recordPackage(String coder, String coderFileId) {
        Instant now = now();
        db.write(c -> {
            StudySql.run(c, "INSERT OR REPLACE INTO packages (coder, at, file_id) VALUES (?, ?, ?)", coder,
                    Timestamps.format(now), coderFileId);
            CoderFileSql.audit(c, now, actor, "package", "package for coder " + coder + ", coder file " + coderFileId);
            return null;
        });
    }

    /**
     * Takes in a coder's work in one transaction. For each event, rating and status the version
     * changed last wins, so merging is idempotent and the order in which copies arrive does not
     * matter; deletions arrive as tombstones and win like any later change.
     */
    public MergeReport merge(MergeSource source, String coderFileName) {
        return StudyMerge.merge(db, source, coderFileName, now(), actor);
    }

    /**
     * Stores the lead's adjudicated coding of one recording under the coder {@value #CONSENSUS}, in
     * one transaction with its audit entry: the recording's earlier consensus events become
     * tombstones, its earlier consensus ratings are replaced, and the given events and ratings are
     * written with new ids. Refused, with nothing written, for an unknown recording, a code the
     * codebook lacks or of the wrong kind (point/span), a rating off its scale, or a study with a
     * real coder named {@value #CONSENSUS}.
     *
     * @param note what was settled and how; it goes into the audit entry
     * @return the stored events, in time order
     */
    public List<Event> saveConsensus(String recordingId, List<NewEvent> events, Map<String, Integer> ratings,
            String note) {
        for (NewEvent e : events) {
            if (!e.recordingId().equals(recordingId)) {
                throw EarmarkException.badInput("A consensus event for " + e.recordingId() + " was given with the"
                        + " consensus of " + recordingId + "; nothing was saved.");
            }
            EventCode code = codebook.code(e.code()).orElseThrow(() -> EarmarkException.badInput("The code "
                    + e.code() + " is not in the codebook " + codebook + "; the consensus of " + recordingId
                    + " was not saved."));
            boolean span = code.kind() == org.earmark.codebook.CodeKind.SPAN;
            if (span != (e.endMs() != null)) {
                throw EarmarkException.badInput("The code " + e.code() + " is a " + (span ? "span" : "point")
                        + " code, but its consensus event at " + e.startMs() + " ms " + (span ? "has no end" : "has an end")
                        + "; the consensus of " + recordingId + " was not saved.");
            }
        }
        for (var r : ratings.entrySet()) {
            RatingScale scale = codebook.rating(r.getKey()).orElseThrow(() -> EarmarkException.badInput("The rating "
                    + r.getKey() + " is not in the codebook " + codebook + "; the consensus was not saved."));
            if (r.getValue() == null || !scale.accepts(r.getValue())) {
                throw EarmarkException.badInput("The rating " + r.getKey() + " must be " + scale.min() + ".."
                        + scale.max() + ", was " + r.getValue() + "; the consensus was not saved.");
            }
        }
        Instant now = now();
        List<Event> stored = new ArrayList<>();
        for (NewEvent e : events) {
            stored.add(new Event(UUID.randomUUID(), recordingId, e.code(), e.startMs(), e.endMs(), e.note(), now, now,
                    false));
        }
        stored.sort(java.util.Comparator.comparingLong(Event::startMs).thenComparing(Event::code));
        db.write(c -> {
            if (StudySql.strings(c, "SELECT name FROM coders").contains(CONSENSUS)) {
                throw EarmarkException.badInput("This study has a coder named \"" + CONSENSUS + "\", the name kept"
                        + " for adjudicated coding; the consensus was not saved.");
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM recordings WHERE id = ?")) {
                ps.setString(1, recordingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw EarmarkException.badInput("The study has no recording " + recordingId
                                + "; the consensus was not saved.");
                    }
                }
            }
            String at = Timestamps.format(now);
            StudySql.run(c, "UPDATE events SET deleted = 1, updated_at = ? WHERE coder = ? AND recording_id = ?"
                    + " AND deleted = 0", at, CONSENSUS, recordingId);
            for (Event e : stored) {
                StudySql.run(c, "INSERT INTO events (coder, " + EventSql.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?)", CONSENSUS, e.id().toString(), recordingId, e.code(), e.startMs(), e.endMs(), e.note(),
                        at, at, 0);
            }
            StudySql.run(c, "DELETE FROM ratings WHERE coder = ? AND recording_id = ?", CONSENSUS, recordingId);
            for (var r : new TreeMap<>(ratings).entrySet()) {
                StudySql.run(c, "INSERT INTO ratings (coder, recording_id, scale_id, value, updated_at) VALUES (?, ?, ?,"
                        + " ?, ?)", CONSENSUS, recordingId, r.getKey(), r.getValue(), at);
            }
            CoderFileSql.audit(c, now, actor, "consensus", recordingId + ": " + stored.size() + " events, "
                    + ratings.size() + " ratings" + (note == null || note.isBlank() ? "" : "; " + note));
            return null;
        });
        return List.copyOf(stored);
    }

    /** Live (not deleted) merged events per recording per coder. */
    public Map<String, Map<String, Integer>> liveEventCounts() {
        return db.read(c -> {
            Map<String, Map<String, Integer>> out = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT recording_id, coder, count(*)"
                    + " FROM events WHERE deleted = 0 GROUP BY recording_id, coder")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            return out;
        });
    }

    /** A coder's live events on a recording, in time order. */
    public List<Event> events(String coder, String recordingId) {
        return db.read(c -> StudySql.events(c, coder, recordingId));
    }

    /** Per coder: recordings they marked done. */
    public Map<String, Integer> doneCounts() {
        return db.read(c -> {
            Map<String, Integer> out = new TreeMap<>();
            for (var e : StudySql.pairs(c, "SELECT coder, count(*) FROM recording_status WHERE status = 'done'"
                    + " GROUP BY coder").entrySet()) {
                out.put(e.getKey(), Integer.parseInt(e.getValue()));
            }
            return out;
        });
    }

    /** Every event merged from a coder, tombstones included, as stored: what a re-issued package carries over. */
    public List<Event> mergedEvents(String coder) {
        return db.read(c -> StudySql.mergedEvents(c, coder));
    }

    /** Recording → coder → the status merged from that coder's file: not_started, in_progress or done. */
    public Map<String, Map<String, String>> statuses() {
        return db.read(StudySql::statuses);
    }

    /** Coders whose files have been merged, with the time of their last merge. */
    public Map<String, String> lastMerges() {
        return db.read(c -> StudySql.pairs(c, "SELECT coder, max(at) FROM merges GROUP BY coder"));
    }

    /** Every coder's live events: recording → coder → events in time order. */
    public Map<String, Map<String, List<Event>>> liveEvents() {
        return db.read(LiveEventsReader::read);
    }

    /** Every coder's global ratings: recording → coder → scale → value (cleared ratings left out). */
    public Map<String, Map<String, Map<String, Integer>>> ratings() {
        return db.read(StudySql::ratings);
    }

    public boolean isUnblinded() {
        return !db.read(c -> StudySql.pairs(c, "SELECT key, value FROM meta WHERE key = 'unblinded_at'"))
                .getOrDefault("unblinded_at", "").isEmpty();
    }

    public String unblindedAt() {
        return db.read(c -> StudySql.pairs(c, "SELECT key, value FROM meta WHERE key = 'unblinded_at'"))
                .getOrDefault("unblinded_at", "");
    }

    /** Reveals the allocation from now on. Explicit and logged: the audit table records who did it and when. */
    public void unblind() {
        Instant now = now();
        db.write(c -> {
            StudySql.putMeta(c, Map.of("unblinded_at", Timestamps.format(now)));
            CoderFileSql.audit(c, now, actor, "unblind", "allocation revealed: columns " + StudySql.strings(c,
                    "SELECT column_name FROM allocation_columns ORDER BY position"));
            return null;
        });
    }

    /**
     * Original file name → anonymised recording id. Part of the allocation key: for matching coding
     * done elsewhere to recordings on the lead's own machine; never shown, packaged or exported.
     */
    public Map<String, String> originalFileNames() {
        return db.read(c -> StudySql.pairs(c, "SELECT original_file, recording_id FROM allocation_key"));
    }

    /** The allocation columns' names, in the order of the allocation file. Names are not values: safe while blind. */
    public List<String> allocationColumns() {
        return db.read(c -> StudySql.strings(c, "SELECT column_name FROM allocation_columns ORDER BY position"));
    }

    /**
     * The allocation: recording → column → value. Only after {@link #unblind()}: before it, this
     * refuses, so no report or export can show an allocation value by mistake.
     */
    public Map<String, Map<String, String>> allocation() {
        if (!isUnblinded()) {
            throw EarmarkException.badInput("The study " + name() + " is still blind; unblind it first"
                    + " ('earmark study unblind').");
        }
        return db.read(StudySql::allocation);
    }

    public List<AuditEntry> audit() {
        return db.read(CoderFileSql::auditEntries);
    }

    @Override
    public void close() {
        db.close();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

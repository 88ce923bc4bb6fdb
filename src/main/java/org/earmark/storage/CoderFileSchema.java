package org.earmark.storage;

import java.util.List;

/** The coder file's tables. Never edit a released migration: add a new one. */
final class CoderFileSchema {

    private CoderFileSchema() {
    }

    /** Every Earmark file says what it is in {@code meta} and keeps its codebook whole. */
    static final String META_TABLE = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID";
    static final String CODEBOOK_TABLE = """
            CREATE TABLE codebook (
              singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
              codebook_id TEXT NOT NULL, version TEXT NOT NULL, hash TEXT NOT NULL, json TEXT NOT NULL)""";

    static final Migration V1 = new Migration(1, "meta, codebook, recordings, events, audit",
            META_TABLE,
            CODEBOOK_TABLE,
            """
            CREATE TABLE recordings (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL, sha256 TEXT, duration_ms INTEGER,
              audio_file TEXT)""",
            """
            CREATE TABLE events (
              id TEXT PRIMARY KEY,
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              code TEXT NOT NULL,
              start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
              end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
              note TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)))""",
            "CREATE INDEX events_by_recording ON events (recording_id, start_ms)",
            """
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
              action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')""");

    static final Migration V2 = new Migration(2, "global ratings and per-recording status",
            """
            CREATE TABLE ratings (
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              scale_id TEXT NOT NULL,
              value INTEGER, -- NULL: cleared, kept so that clearing survives a merge

              updated_at TEXT NOT NULL,
              PRIMARY KEY (recording_id, scale_id)) WITHOUT ROWID""",
            """
            CREATE TABLE recording_status (
              recording_id TEXT PRIMARY KEY REFERENCES recordings(id),
              status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
              updated_at TEXT NOT NULL) WITHOUT ROWID""",
            // v1 files knew no status: a recording with any event was being worked on.
            """
            INSERT INTO recording_status (recording_id, status, updated_at)
            SELECT r.id,
                   CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.recording_id = r.id AND e.deleted = 0)
                        THEN 'in_progress' ELSE 'not_started' END,
                   strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            FROM recordings r""");

    static final Migration V3 = new Migration(3, "waveform peaks travel inside the coder file",
            """
            CREATE TABLE peaks (
              recording_id TEXT PRIMARY KEY REFERENCES recordings(id),
              audio_sha256 TEXT,
              data BLOB NOT NULL) WITHOUT ROWID""");

    /**
     * A tag committed five b-tree pages: the events row, the separate index of its text primary key, the
     * {@code events_by_recording} index, the audit row and the audit table's {@code sqlite_sequence} row. Keyed by
     * its id, {@code events} is one b-tree; audit numbered by plain {@code INTEGER PRIMARY KEY} (the largest seq + 1,
     * and audit rows are never deleted, so seq still only grows) needs no {@code sqlite_sequence}. Three pages a tag
     * brings its commit time close to a bare insert's (issue 8). Columns, constraints and every row stay as they
     * were. The old tables are renamed out of the way first, so the new ones are created under their own names
     * (renaming a new table instead would leave its stored SQL with a quoted name).
     * A file with an event without an id (which Earmark never writes) cannot take this step, as a key is NOT NULL
     * in such a table: the migration fails and the file is left as it was.
     */
    static final Migration V4 = new Migration(4, "events keyed by id (WITHOUT ROWID); audit without AUTOINCREMENT",
            "ALTER TABLE events RENAME TO events_v3",
            """
            CREATE TABLE events (
              id TEXT PRIMARY KEY,
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              code TEXT NOT NULL,
              start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
              end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
              note TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))) WITHOUT ROWID""",
            // In key order, so the new b-tree is filled page by page instead of split at random. The columns are
            // spelled out: a released migration must not change when the code's column list does.
            """
            INSERT INTO events (id, recording_id, code, start_ms, end_ms, note, created_at, updated_at, deleted)
            SELECT id, recording_id, code, start_ms, end_ms, note, created_at, updated_at, deleted
            FROM events_v3 ORDER BY id""",
            "DROP TABLE events_v3", // and its events_by_recording index with it
            "CREATE INDEX events_by_recording ON events (recording_id, start_ms)",
            "ALTER TABLE audit RENAME TO audit_v3",
            """
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
              action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')""",
            "INSERT INTO audit (seq, at, actor, action, detail) SELECT seq, at, actor, action, detail FROM audit_v3",
            "DROP TABLE audit_v3"); // SQLite deletes its sqlite_sequence row with it

    /**
     * The oldest coder file a merge reads as it is, without upgrading it: v3 has every table and column the merge
     * reads, and v4 changed only how events and audit are keyed on disk, so coders still on the previous Earmark
     * can hand in their files. Older files lack tables and must be opened once in Earmark to upgrade them.
     */
    static final int OLDEST_MERGEABLE = 3;

    static final Schema SCHEMA = new Schema(FileKind.CODER_FILE, List.of(V1, V2, V3, V4));
}

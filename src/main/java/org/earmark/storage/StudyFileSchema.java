package org.earmark.storage;

import java.util.List;

/**
 * The lead researcher's study file. The allocation key (original file names and the allocation
 * columns) lives only here, in {@code allocation_key} and {@code allocation}; nothing that builds
 * a coder package reads those tables.
 */
final class StudyFileSchema {

    private StudyFileSchema() {
    }

    static final Migration V1 = new Migration(1, "study, recordings, allocation key, coders, assignments, merged coding",
            CoderFileSchema.META_TABLE,
            CoderFileSchema.CODEBOOK_TABLE,
            """
            CREATE TABLE recordings (
              id TEXT PRIMARY KEY, audio_file TEXT NOT NULL, format TEXT NOT NULL,
              sha256 TEXT NOT NULL UNIQUE, duration_ms INTEGER NOT NULL)""",
            """
            CREATE TABLE allocation_key (
              recording_id TEXT PRIMARY KEY REFERENCES recordings(id),
              original_file TEXT NOT NULL, original_sha256 TEXT NOT NULL UNIQUE) WITHOUT ROWID""",
            """
            CREATE TABLE allocation (
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              column_name TEXT NOT NULL, value TEXT NOT NULL,
              PRIMARY KEY (recording_id, column_name)) WITHOUT ROWID""",
            "CREATE TABLE allocation_columns (position INTEGER PRIMARY KEY, column_name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE coders (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID",
            """
            CREATE TABLE assignments (
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              coder TEXT NOT NULL REFERENCES coders(name),
              position INTEGER NOT NULL,
              role TEXT NOT NULL CHECK (role IN ('primary', 'second', 'consensus')),
              PRIMARY KEY (recording_id, coder)) WITHOUT ROWID""",
            """
            CREATE TABLE events (
              id TEXT PRIMARY KEY,
              coder TEXT NOT NULL,
              recording_id TEXT NOT NULL REFERENCES recordings(id),
              code TEXT NOT NULL,
              start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
              end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
              note TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)))""",
            "CREATE INDEX events_by_coder ON events (coder, recording_id, start_ms)",
            """
            CREATE TABLE ratings (
              coder TEXT NOT NULL, recording_id TEXT NOT NULL REFERENCES recordings(id),
              scale_id TEXT NOT NULL, value INTEGER NOT NULL, updated_at TEXT NOT NULL,
              PRIMARY KEY (coder, recording_id, scale_id)) WITHOUT ROWID""",
            """
            CREATE TABLE recording_status (
              coder TEXT NOT NULL, recording_id TEXT NOT NULL REFERENCES recordings(id),
              status TEXT NOT NULL, updated_at TEXT NOT NULL,
              PRIMARY KEY (coder, recording_id)) WITHOUT ROWID""",
            """
            CREATE TABLE merges (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, coder TEXT NOT NULL,
              coder_file_id TEXT NOT NULL, coder_file_sha256 TEXT NOT NULL,
              added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL)""",
            "CREATE TABLE packages (coder TEXT PRIMARY KEY, at TEXT NOT NULL, file_id TEXT NOT NULL) WITHOUT ROWID",
            """
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
              action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')""");

    static final Schema SCHEMA = new Schema(FileKind.STUDY, List.of(V1));
}

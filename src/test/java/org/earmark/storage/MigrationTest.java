package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    /** A coder file exactly as schema v1 wrote it: no ratings, no status table. */
    private Path writeVersion1File() {
        Path file = dir.resolve("old.earmark");
        Schema v1Only = new Schema(FileKind.CODER_FILE, List.of(CoderFileSchema.V1));
        Database.create(file, v1Only, c -> {
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO meta VALUES ('file_id', 'f1'), ('study_id', 's1'), ('study_name', 'Old study'),"
                        + " ('coder', 'bob'), ('created_at', '2025-01-01T10:00:00.000Z'), ('created_by', 'Earmark 0.0.1')");
                s.execute("INSERT INTO recordings VALUES ('R-AAAA', 0, NULL, 60000, 'R-AAAA.wav'),"
                        + " ('R-BBBB', 1, NULL, 60000, 'R-BBBB.wav')");
                s.execute("INSERT INTO events VALUES ('6f1c1f6e-8a55-4d59-9b7e-6f2a3e0c9d11', 'R-AAAA', 'OFQ', 1500,"
                        + " NULL, 'kept', '2025-01-01T10:01:00.000Z', '2025-01-01T10:01:00.000Z', 0)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO codebook VALUES (1, ?, ?, ?, ?)")) {
                ps.setString(1, TestFiles.CODEBOOK.id());
                ps.setString(2, TestFiles.CODEBOOK.version());
                ps.setString(3, TestFiles.CODEBOOK.hash());
                ps.setString(4, TestFiles.CODEBOOK.source());
                ps.executeUpdate();
            }
            return null;
        }).close();
        return file;
    }

    @Test
    void aVersion1FileOpensWithTheCurrentCodeAndKeepsItsData() throws Exception {
        Path file = writeVersion1File();
        assertEquals(1, CoderWorkReader.summarise(file).schemaVersion(), "info reads an old file without upgrading it");
        try (CoderFile f = CoderFile.open(file)) {
            List<Event> events = f.events("R-AAAA");
            assertEquals(1, events.size());
            assertEquals("kept", events.get(0).note());
            assertEquals(RecordingStatus.IN_PROGRESS, f.progress().get(0).status(), "derived from its events");
            assertEquals(RecordingStatus.NOT_STARTED, f.progress().get(1).status());
            f.setRating("R-AAAA", "outcome_focus", 3);
            f.add(NewEvent.point("R-BBBB", "RISK", 2_000));
        }
        assertEquals(CoderFile.SCHEMA.currentVersion(), CoderWorkReader.summarise(file).schemaVersion());
        Path copy = dir.resolve("old.earmark.schema-v1.bak");
        assertTrue(Files.exists(copy), "a copy of the version-1 file is kept before upgrading");
        assertEquals(1, CoderWorkReader.summarise(copy).schemaVersion());
        assertEquals(1, CoderWorkReader.summarise(copy).events());
    }

    @Test
    void migrationsAreNumberedInOrder() {
        assertEquals(3, CoderFile.SCHEMA.currentVersion());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Schema(FileKind.CODER_FILE, List.of(CoderFileSchema.V2)));
    }
}

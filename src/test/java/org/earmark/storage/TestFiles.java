package org.earmark.storage;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.Event;
import org.earmark.model.Recording;

/** Coder files for tests: the shipped codebook and two recordings. */
public final class TestFiles {

    public static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));

    private TestFiles() {
    }

    public static CoderFileSetup setup() {
        return new CoderFileSetup("study-1", "Test study", "alice", CODEBOOK, List.of(
                new Recording("R-7Q3K", 0, "ab".repeat(32), 600_000L, "R-7Q3K.wav"),
                new Recording("R-2MXD", 1, "cd".repeat(32), 300_000L, "R-2MXD.wav")));
    }

    public static CoderFile create(Path file) {
        return CoderFile.create(file, setup(), Clock.systemUTC());
    }

    /**
     * A coder file as the Earmark before schema v4 wrote it (schema v3, built by the released migrations), holding
     * these events and one audit entry per event after the "create" one — what a coder still on that version hands in.
     */
    static Path writeVersion3File(Path file, CoderFileSetup setup, List<Event> events, Instant created) {
        Schema v3 = new Schema(FileKind.CODER_FILE, List.of(CoderFileSchema.V1, CoderFileSchema.V2, CoderFileSchema.V3));
        Database.create(file, v3, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (String[] kv : new String[][] {{"file_id", java.util.UUID.randomUUID().toString()},
                        {"study_id", setup.studyId()}, {"study_name", setup.studyName()}, {"coder", setup.coder()},
                        {"created_at", Timestamps.format(created)}, {"created_by", "Earmark 0.1.0"}}) {
                    ps.setString(1, kv[0]);
                    ps.setString(2, kv[1]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO codebook VALUES (1, ?, ?, ?, ?)")) {
                ps.setString(1, setup.codebook().id());
                ps.setString(2, setup.codebook().version());
                ps.setString(3, setup.codebook().hash());
                ps.setString(4, setup.codebook().source());
                ps.executeUpdate();
            }
            for (Recording r : setup.recordings()) {
                CoderFileSql.insertRecording(c, r, created);
            }
            CoderFileSql.audit(c, created, setup.coder(), "create", "coder file for study " + setup.studyId());
            EventSql.upsertAll(c, "events", events);
            for (Event e : events) {
                CoderFileSql.markStarted(c, e.recordingId(), e.updatedAt());
                CoderFileSql.audit(c, e.updatedAt(), setup.coder(), e.deleted() ? "delete" : "add", e.id().toString());
            }
            return null;
        }).close();
        return file;
    }
}

package org.earmark.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What {@code earmark info} says about a study file, read without changing a byte of it; no allocation value. */
public record StudySummary(int schemaVersion, String studyId, String name, String codebookId, String codebookVersion,
        String codebookHash, int recordings, List<String> coders, int liveEvents, boolean unblinded,
        String createdAt, String createdBy) {

    public static StudySummary of(Path file) {
        try (Database db = Database.openReadOnly(file, StudyFile.SCHEMA)) {
            return db.read(c -> {
                Map<String, String> meta = CoderFileSql.meta(c);
                Map<String, String> cb = StudySql.pairs(c, "SELECT 'id', codebook_id FROM codebook UNION ALL"
                        + " SELECT 'version', version FROM codebook UNION ALL SELECT 'hash', hash FROM codebook");
                return new StudySummary(Database.intPragma(c, "user_version"), meta.get("study_id"),
                        meta.get("name"), cb.get("id"), cb.get("version"), cb.get("hash"),
                        CoderFileSql.count(c, "SELECT count(*) FROM recordings"),
                        StudySql.strings(c, "SELECT name FROM coders ORDER BY position"),
                        CoderFileSql.count(c, "SELECT count(*) FROM events WHERE deleted = 0"),
                        !meta.getOrDefault("unblinded_at", "").isEmpty(), meta.get("created_at"),
                        meta.get("created_by"));
            });
        }
    }
}

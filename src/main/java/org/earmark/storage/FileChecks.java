package org.earmark.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;

/** Checks a file's bytes before SQLite opens it, so a wrong file gets its own message and is never changed. */
final class FileChecks {

    private FileChecks() {
    }

    static SqliteHeader check(Path file, Schema schema) {
        Database.requireExists(file);
        if (!Files.isRegularFile(file)) {
            throw EarmarkException.badInput(file + " is a folder, not an Earmark " + schema.kind().description());
        }
        SqliteHeader.Verdict verdict;
        try {
            verdict = SqliteHeader.read(file);
        } catch (IOException e) {
            throw new EarmarkException(Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
        }
        String want = "an Earmark " + schema.kind().description();
        if (verdict instanceof SqliteHeader.Verdict.NotSqlite n) {
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is not " + want + ": it is " + n.looksLike() + ".");
        }
        if (verdict instanceof SqliteHeader.Verdict.TooShort t) {
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is truncated: only " + t.length()
                    + " bytes are left of it. Restore it from a backup.");
        }
        SqliteHeader header = ((SqliteHeader.Verdict.Sqlite) verdict).header();
        if (header.applicationId() != schema.kind().applicationId()) {
            String actually = FileKind.ofApplicationId(header.applicationId())
                    .map(k -> "an Earmark " + k.description())
                    .orElse("a SQLite database from another program");
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is not " + want + ": it is " + actually + ".");
        }
        if (header.userVersion() > schema.currentVersion()) {
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " was written by a newer version of Earmark (file"
                    + " format " + header.userVersion() + "; this version reads up to " + schema.currentVersion()
                    + "). Install the newer Earmark to open it.");
        }
        if (header.userVersion() < 1) {
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is an unfinished Earmark file (no schema version)."
                    + " Restore it from a backup.");
        }
        if (header.truncated()) {
            long expected = header.pageCount() * header.pageSize();
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is truncated: it has " + header.fileLength()
                    + " bytes but its header says " + expected + ". Restore it from a backup.");
        }
        return header;
    }
}

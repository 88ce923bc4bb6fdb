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
            throw EarmarkException.badInput(file + " is " + (Files.isDirectory(file) ? "a folder" : "not a regular file"
                    + " (a device or pipe)") + ", not an Earmark " + schema.kind().description());
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
        if (header.truncated() && !hasLog(file)) {
            // With a write-ahead log beside it, the file alone may be shorter than its header says: a checkpoint
            // cut short by a crash or a full disk. SQLite completes it from the log; its own check judges then.
            long expected = header.pageCount() * header.pageSize();
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is truncated: it has " + header.fileLength()
                    + " bytes but its header says " + expected + ". Restore it from a backup.");
        }
        return header;
    }

    /** True when a write-ahead log with content is beside the file (what a crash or a full disk leaves). */
    static boolean hasLog(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses, before SQLite opens it, a file that cannot be saved to — read-only, on a read-only disk, or in a
     * folder where SQLite cannot keep its write-ahead log — instead of SQLite's puzzling locking error.
     */
    static void requireWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isWritable(file)) {
            throw new EarmarkException(Kind.IO, file + " is read-only (or on a read-only disk), so Earmark cannot"
                    + " save to it. Copy it to a folder you can write to and open the copy; it is unchanged.");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new EarmarkException(Kind.IO, "The folder " + dir + " is read-only, and Earmark needs to keep a"
                    + " journal beside " + file.getFileName() + " while saving to it. Move the file to a folder you"
                    + " can write to; it is unchanged.");
        }
    }

    /** True when the file's folder cannot be written and no write-ahead log with content is beside the file. */
    static boolean onReadOnlyDisk(Path file) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || Files.isWritable(dir)) {
            return false;
        }
        return !hasLog(absolute);
    }
}

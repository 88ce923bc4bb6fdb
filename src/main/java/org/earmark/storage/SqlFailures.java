package org.earmark.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into messages that say what happened to which file. */
final class SqlFailures {

    private SqlFailures() {
    }

    static EarmarkException describe(SQLException e, Path file, String doing) {
        int primary = e instanceof SQLiteException s ? s.getResultCode().code & 0xFF : e.getErrorCode() & 0xFF;
        String what = "Could not " + doing + " " + file + ": ";
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new EarmarkException(Kind.IO, what + "the disk is full. Nothing was lost that was shown as saved;"
                    + " free some space and try again.", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return new EarmarkException(Kind.IO, what + "the file or its folder is read-only.", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return inUse(file, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new EarmarkException(Kind.UNUSABLE_FILE, what + "the file is damaged (" + firstLine(e) + ")."
                    + " Restore it from a backup.", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new EarmarkException(Kind.IO, what + "it cannot be opened (was it moved or deleted, or is the"
                    + " folder not writable?).", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return new EarmarkException(Kind.IO, what + "the disk reported an error (" + firstLine(e) + ")."
                    + " Was the file moved, deleted or its drive removed?", e);
        }
        return new EarmarkException(Kind.IO, what + firstLine(e), e);
    }

    static EarmarkException inUse(Path file, Throwable cause) {
        // "Another window" misled a lead who had the coder file open for coding in this same app and dropped it
        // on the study window to merge.
        return new EarmarkException(Kind.FILE_IN_USE, file + " is open in an Earmark window (this one, if it is"
                + " the file you are coding in) or another program. Close it there first (File ▸ Close).", cause);
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

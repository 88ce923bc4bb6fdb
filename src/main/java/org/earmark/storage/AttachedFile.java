package org.earmark.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another Earmark file attached, read-only, to an open file's connection for one transaction, so SQL can copy
 * rows between them without a round trip through Java for each.
 */
final class AttachedFile {

    /** Page cache for a bulk copy, in KiB as {@code cache_size} takes it when negative. */
    private static final int BULK_CACHE_KIB = -64 * 1024;
    /** SQLite's default. */
    private static final int DEFAULT_CACHE_KIB = -2000;

    private AttachedFile() {
    }

    /**
     * Runs {@code work} as one committed transaction of {@code db} while {@code other} is attached as
     * {@code alias}. The other file is opened read-only (a URI with {@code mode=ro}; {@code immutable=1} on a
     * read-only disk, as {@link Database#openReadOnly} does), so not a byte of it changes.
     *
     * @param referencesChecked the caller has made sure that every row the work writes refers to rows that exist,
     *     so SQLite need not look each reference up: foreign keys are off for the work (a tenth of a bulk copy)
     */
    static <T> T write(Database db, Path other, String alias, boolean referencesChecked, SqlWork<T> work) {
        if (!alias.matches("[a-z]+")) {
            throw new IllegalArgumentException("a schema alias is lower-case letters, was \"" + alias + "\"");
        }
        String uri = other.toAbsolutePath().toUri().toASCIIString()
                + (FileChecks.onReadOnlyDisk(other) ? "?mode=ro&immutable=1" : "?mode=ro");
        return db.read(c -> {
            // ATTACH cannot run inside a transaction, so it comes before the write and DETACH after it.
            attach(c, uri, alias);
            Throwable failed = null;
            try {
                // A bulk copy touches pages of three b-trees all over: with SQLite's default 2 MB cache it spills and
                // re-reads them, which cost a third of the copy at 150,000 events. Memory is given back after.
                execute(c, "PRAGMA main.cache_size = " + BULK_CACHE_KIB);
                // The copy reads the other file in recording order through its index, a lookup per row.
                execute(c, "PRAGMA " + alias + ".cache_size = " + BULK_CACHE_KIB);
                if (referencesChecked) {
                    execute(c, "PRAGMA foreign_keys = OFF"); // only outside a transaction does this take effect
                }
                return db.write(work);
            } catch (Throwable e) { // rethrown as it is (SQLException or unchecked), after the clean-up below
                failed = e;
                throw e;
            } finally {
                // Each step on its own: a study left with foreign keys off or the coder file still attached would
                // fail every later merge. The work's own failure is the one to report; the clean-up's go with it.
                Exception cleanup = undo(c, "PRAGMA foreign_keys = ON", null);
                cleanup = undo(c, "PRAGMA main.cache_size = " + DEFAULT_CACHE_KIB, cleanup);
                cleanup = undo(c, "DETACH DATABASE " + alias, cleanup);
                if (failed != null) {
                    if (cleanup != null) {
                        failed.addSuppressed(cleanup);
                    }
                } else if (cleanup != null) {
                    throw new IllegalStateException("could not undo the settings of a merge", cleanup);
                } else if (Database.intPragma(c, "foreign_keys") != 1) {
                    throw new IllegalStateException("foreign keys could not be turned back on after a merge");
                }
            }
        });
    }

    /** Runs a clean-up statement; its failure becomes {@code earlier}'s suppressed one, or the first. */
    private static Exception undo(Connection c, String sql, Exception earlier) {
        try {
            execute(c, sql);
            return earlier;
        } catch (SQLException | RuntimeException e) {
            if (earlier == null) {
                return e;
            }
            earlier.addSuppressed(e);
            return earlier;
        }
    }

    private static void attach(Connection c, String uri, String alias) throws SQLException {
        // The main file is held with locking_mode=EXCLUSIVE, which a database attached later would inherit; on a
        // file opened read-only that lock cannot be taken (SQLITE_IOERR_LOCK). The unqualified pragma sets what an
        // attached file gets; the main file stays exclusive all along, as SQLite keeps the exclusive mode of a WAL
        // database that was set before WAL was entered, and it is set again below to make sure.
        execute(c, "PRAGMA locking_mode = NORMAL");
        try (PreparedStatement ps = c.prepareStatement("ATTACH DATABASE ? AS " + alias)) {
            ps.setString(1, uri);
            ps.execute();
        } finally {
            execute(c, "PRAGMA main.locking_mode = EXCLUSIVE");
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

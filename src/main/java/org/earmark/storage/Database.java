package org.earmark.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;

/**
 * One open Earmark SQLite file. Checks a file before SQLite touches it, holds it exclusively while
 * open for writing, migrates it forward, and runs each unit of work as one transaction that is
 * committed — durably, {@code synchronous=FULL} — before the call returns.
 */
public final class Database implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    /** Statements of the hot paths (a tag), prepared once: preparing costs as much as the insert itself. */
    private final java.util.Map<String, java.sql.PreparedStatement> cached = new java.util.HashMap<>();
    /** The identity (device and inode) of the file SQLite opened, to notice it being moved or deleted. */
    private final Object fileKey;
    /** Set once the file was found moved, deleted or replaced: what the user was told. */
    private String lost;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.fileKey = LostFile.key(file);
    }

    public Path file() {
        return file;
    }

    /**
     * Opens an existing file for writing: refuses it unless it is an intact file of the schema's kind
     * that is not newer than this version; takes an exclusive lock (a second opener is refused), and
     * migrates it to the current schema after keeping a copy of the older file beside it.
     */
    public static Database openForWriting(Path file, Schema schema) {
        FileChecks.check(file, schema);
        FileChecks.requireWritable(file);
        Connection c = connect(file, false);
        Database db = new Database(file, c, false);
        try {
            db.configureForWriting();
            db.verifyIntegrity();
            SchemaCheck.verify(c, schema, intPragma(c, "user_version"), file);
            // A write takes the exclusive lock now rather than at the first tag, so a second window
            // is refused at once instead of failing later.
            db.execute("BEGIN IMMEDIATE");
            db.execute("COMMIT");
            // The version as SQLite reads it: after a crash the header in the file can lag behind its log.
            int version = intPragma(c, "user_version");
            if (version < schema.currentVersion()) {
                db.migrate(schema, version, true);
            }
            return db;
        } catch (SQLException e) {
            db.closeQuietly();
            throw SqlFailures.describe(e, file, "open");
        } catch (RuntimeException e) {
            db.closeQuietly();
            throw e;
        }
    }

    /** Opens an existing file to read only; nothing in it is changed, not even its schema. */
    public static Database openReadOnly(Path file, Schema schema) {
        FileChecks.check(file, schema);
        Connection c = connect(file, true);
        Database db = new Database(file, c, true);
        try {
            db.verifyIntegrity();
            SchemaCheck.verify(c, schema, intPragma(c, "user_version"), file);
            return db;
        } catch (SQLException e) {
            db.closeQuietly();
            throw SqlFailures.describe(e, file, "read");
        } catch (RuntimeException e) {
            db.closeQuietly();
            throw e;
        }
    }

    /**
     * Creates a new file with the current schema, filled by {@code initialise} in the same
     * transaction. It is built under a temporary name and moved into place only when complete, so
     * a crash never leaves a half-made file under the real name.
     */
    public static Database create(Path file, Schema schema, SqlWork<?> initialise) {
        if (Files.exists(file)) {
            throw EarmarkException.badInput(file + " already exists; choose another name (Earmark never overwrites a file).");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + file.getFileName() + ".creating");
        try {
            Files.deleteIfExists(temp);
            try (Database db = new Database(temp, connect(temp, false), false)) {
                db.execute("PRAGMA application_id = " + schema.kind().applicationId());
                db.configureForWriting();
                db.migrate(schema, 0, false);
                db.write(initialise);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw SqlFailures.describe(e, file, "create");
        } catch (IOException e) {
            throw new EarmarkException(Kind.IO, "Could not create " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(dir.resolve(temp.getFileName() + "-wal"));
                Files.deleteIfExists(dir.resolve(temp.getFileName() + "-shm"));
            } catch (IOException ignored) {
                // Only leftovers of a failed attempt; the real file is untouched either way.
            }
        }
        return openForWriting(file, schema);
    }

    /**
     * Runs work in one transaction and commits it before returning; rolls back on any failure. Refuses (after
     * writing a rescued copy of everything committed) if the file was moved, deleted or replaced while open,
     * since a commit would then go to a file nobody can find again.
     */
    public synchronized <T> T write(SqlWork<T> work) {
        if (readOnly) {
            throw new IllegalStateException(file + " was opened read-only");
        }
        ensureStillThere(true);
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                autoCommitQuietly();
            }
        } catch (SQLException e) {
            throw SqlFailures.describe(e, file, "save to");
        } catch (DamagedValue e) {
            throw damaged(e);
        }
    }

    /** Runs read-only work. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.describe(e, file, "read");
        } catch (DamagedValue e) {
            throw damaged(e);
        }
    }

    /** A prepared statement kept for the life of this connection; use it only inside {@link #write}/{@link #read}. */
    java.sql.PreparedStatement cached(String sql) throws SQLException {
        java.sql.PreparedStatement ps = cached.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cached.put(sql, ps);
        }
        return ps;
    }

    private EarmarkException damaged(DamagedValue e) {
        return new EarmarkException(Kind.UNUSABLE_FILE, file + " is damaged: " + e.getMessage() + ". Restore it from a"
                + " backup" + (readOnly ? "; Earmark has not changed it." : "."), e);
    }

    /**
     * Writes a consistent copy of everything committed so far (WAL included) to {@code target}, which must not
     * exist yet. The copy is not forced to disk; the caller does that before publishing it.
     *
     * @return {@link #changes()} as of the copy
     */
    synchronized long copyTo(Path target) {
        closeCachedStatements(); // SQLite refuses VACUUM while a kept statement counts as in progress
        long changes = changes();
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw SqlFailures.describe(e, target, "write a copy of " + file.getFileName() + " to");
        }
        return changes;
    }

    /** Rows changed through this connection since it was opened: unchanged means nothing new to back up. */
    synchronized long changes() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total_changes()")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    boolean isOpen() {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Checks that the path still names the file SQLite has open. If it was moved, deleted or replaced, writes
     * a rescued copy of everything committed (from the still-open connection) and throws an IO failure that
     * says where it is; once that has happened, every later write throws the same. {@code writing} says
     * whether the caller was about to save a change (which is then not saved).
     */
    synchronized void ensureStillThere(boolean writing) {
        if (lost != null) {
            if (writing) {
                throw new EarmarkException(Kind.IO, lost);
            }
            return;
        }
        if (readOnly || LostFile.same(file, fileKey)) {
            return;
        }
        lost = file + " was moved, renamed or deleted while Earmark had it open (or another file was put in its"
                + " place)" + (writing ? ", so this change was not saved. " : ". ") + LostFile.rescue(this);
        throw new EarmarkException(Kind.IO, lost);
    }

    public int schemaVersion() {
        return read(c -> intPragma(c, "user_version"));
    }

    @Override
    public synchronized void close() {
        try {
            closeCachedStatements();
            connection.close();
        } catch (SQLException e) {
            throw SqlFailures.describe(e, file, "close");
        }
    }

    private static Connection connect(Path file, boolean readOnly) {
        Properties p = new Properties();
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        if (readOnly) {
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            if (FileChecks.onReadOnlyDisk(file)) {
                // SQLite cannot make the shared-memory file of a WAL database in a folder it may not write to
                // (a CD, a read-only share). With no write-ahead log left beside it, the file alone is the whole
                // database and cannot change, which SQLite's "immutable" option says.
                p.setProperty("open_mode", String.valueOf(1 | 0x40)); // READONLY | URI
                url = "jdbc:sqlite:" + file.toAbsolutePath().toUri().toASCIIString() + "?immutable=1";
            }
        }
        try {
            Connection c = DriverManager.getConnection(url, p);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 1000");
                s.execute("PRAGMA foreign_keys = ON");
            }
            return c;
        } catch (SQLException e) {
            throw SqlFailures.describe(e, file, "open");
        }
    }

    private void configureForWriting() throws SQLException {
        // Exclusive locking in WAL mode: no shared-memory file, and no second process can open the file.
        execute("PRAGMA locking_mode = EXCLUSIVE");
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                throw new SQLException("could not switch " + file + " to WAL journal mode");
            }
        }
        execute("PRAGMA synchronous = FULL");
    }

    private void verifyIntegrity() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is damaged (SQLite's check says: "
                        + firstProblem(verdict) + "). Restore it from a backup; Earmark has not changed it.");
            }
        }
    }

    /**
     * The first problem of SQLite's report and how many more: a damaged file can list a line for every page, which
     * buried the one line a user needs under dozens.
     */
    static String firstProblem(String verdict) {
        java.util.List<String> lines = verdict.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("*** in database")).toList();
        if (lines.isEmpty()) {
            return verdict.strip();
        }
        return lines.get(0) + (lines.size() == 1 ? "" : " and " + (lines.size() - 1) + " more problem"
                + (lines.size() == 2 ? "" : "s"));
    }

    private void migrate(Schema schema, int from, boolean keepCopy) throws SQLException {
        if (keepCopy) {
            keepPreMigrationCopy(from);
        }
        connection.setAutoCommit(false);
        try {
            for (Migration m : schema.migrations().subList(from, schema.currentVersion())) {
                m.apply(connection);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            autoCommitQuietly();
        }
    }

    /** Before an upgrade, a copy of the file as it was, so an older Earmark can still be used on it. */
    private void keepPreMigrationCopy(int fromVersion) throws SQLException {
        Path copy = file.resolveSibling(file.getFileName() + ".schema-v" + fromVersion + ".bak");
        if (Files.exists(copy)) {
            return;
        }
        // VACUUM INTO writes a consistent copy even while the WAL holds recent commits.
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    static int intPragma(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    /**
     * Back to autocommit after a transaction. After a full disk or an I/O error SQLite has already rolled the
     * transaction back, and the driver's closing COMMIT then fails with "no transaction is active": that must not
     * hide the real failure (the driver is in autocommit mode either way).
     */
    private void autoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // See above; the failure that ended the transaction, if any, is the one reported.
        }
    }

    private void closeCachedStatements() {
        for (java.sql.PreparedStatement ps : cached.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // Closing a statement we only kept for speed; it is prepared again when next needed.
            }
        }
        cached.clear();
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is reported.
        }
    }

    static void requireExists(Path file) {
        if (!Files.exists(file)) {
            throw new EarmarkException(Kind.BAD_INPUT, "File not found: " + file, new NoSuchFileException(file.toString()));
        }
    }
}

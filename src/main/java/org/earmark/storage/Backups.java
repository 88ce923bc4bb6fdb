package org.earmark.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;

/**
 * Rolling automatic backups of a coder file, in a hidden folder beside it:
 * {@code .NAME.earmark.backups/NAME-2026-11-23T16-42-00.123Z.earmark}. Each backup is a consistent copy of
 * everything committed (SQLite {@code VACUUM INTO} on the open connection), forced to disk under a temporary
 * name and only then moved into place, so a crash never leaves a partial backup that {@link #list} shows.
 * The newest {@link #DEFAULT_KEEP} are kept. {@link #restore} never destroys the current file: it is backed
 * up first and replaced atomically, and only when no one has it open.
 */
public final class Backups {

    /** How many backups are kept per coder file. */
    public static final int DEFAULT_KEEP = 10;
    /** How often the app backs up an open coder file. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    /** One backup of a coder file. */
    public record Backup(Path file, Instant takenAt, long size) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String EXTENSION = ".earmark";
    private static final String PART = ".part";
    /** One backup at a time in this process; other processes cannot have the file open (it is locked). */
    private static final Object LOCK = new Object();

    private Backups() {
    }

    /** The folder that holds the backups of {@code coderFile}. */
    public static Path folder(Path coderFile) {
        Path absolute = coderFile.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".backups");
    }

    /** Backs up an open coder file now, keeping the newest {@link #DEFAULT_KEEP}. */
    public static Backup backUp(CoderFile coderFile) {
        return backUp(coderFile.database(), DEFAULT_KEEP, Clock.systemUTC());
    }

    /**
     * Backs up a coder file that is not open: opens it (refused with {@code FILE_IN_USE} if another window or
     * program has it), backs it up and closes it again without changing it.
     */
    public static Backup backUp(Path coderFile) {
        try (Database db = Database.openForWriting(coderFile, CoderFile.SCHEMA)) {
            return backUp(db, DEFAULT_KEEP, Clock.systemUTC());
        }
    }

    static Backup backUp(Database db, int keep, Clock clock) {
        return take(db, keep, clock).backup();
    }

    /** A backup and the database's change count it holds. */
    private record Taken(Backup backup, long changes) {
    }

    private static Taken take(Database db, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        Path file = db.file();
        Path folder = folder(file);
        String base = baseName(file.getFileName().toString());
        synchronized (LOCK) {
            try {
                Files.createDirectories(folder);
                deleteLeftovers(folder);
                Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                Path target = folder.resolve(base + "-" + stamp(at) + EXTENSION);
                for (int n = 1; Files.exists(target); n++) {
                    target = folder.resolve(base + "-" + stamp(at) + "-" + n + EXTENSION);
                }
                Path temp = folder.resolve("." + target.getFileName() + PART);
                long changes;
                try {
                    changes = db.copyTo(temp);
                    FileChecks.check(temp, CoderFile.SCHEMA); // a copy that does not read back is no backup
                    force(temp);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                forceFolder(folder);
                Backup made = new Backup(target, at, Files.size(target));
                List<Backup> all = list(file);
                for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
                    Files.deleteIfExists(old.file());
                }
                return new Taken(made, changes);
            } catch (IOException e) {
                throw new EarmarkException(Kind.IO, "Could not back up " + file + " into " + folder + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The backups of {@code coderFile}, newest first; temporary files of a backup cut short are not listed. */
    public static List<Backup> list(Path coderFile) {
        Path folder = folder(coderFile);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern name = Pattern.compile(Pattern.quote(baseName(coderFile.getFileName().toString()))
                + "-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)(?:-(\\d{1,9}))?" + Pattern.quote(EXTENSION));
        record Found(Backup backup, int n) {
        }
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    try {
                        Instant at = STAMP.parse(m.group(1), Instant::from);
                        found.add(new Found(new Backup(p, at, Files.size(p)),
                                m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
                    } catch (DateTimeParseException | IOException notOurs) {
                        // A name that only looks like ours, or a file deleted meanwhile: not a backup.
                    }
                }
            }
        } catch (IOException e) {
            throw new EarmarkException(Kind.IO, "Could not list the backups in " + folder + ": " + e.getMessage(), e);
        }
        return found.stream()
                .sorted(Comparator.comparing((Found f) -> f.backup().takenAt()).thenComparingInt(Found::n).reversed())
                .map(Found::backup)
                .toList();
    }

    /**
     * Replaces {@code coderFile} with a backup of it. Refused with {@code FILE_IN_USE} while the file is open
     * (close it first), with {@code BAD_INPUT} if the backup is damaged or of another coder file. The current
     * file is backed up first (if it is too damaged to open, its bytes are copied into the backups folder as
     * {@code NAME-TIME.damaged.earmark}), then the backup is copied beside it, marked in its audit log and moved
     * over it atomically: at any moment the path holds either the old file or the complete restored one.
     *
     * @return the backup of the current file that was taken first (restore it to undo this)
     */
    public static Optional<Backup> restore(Path backup, Path coderFile) {
        Objects.requireNonNull(backup, "backup");
        Path target = coderFile.toAbsolutePath();
        Map<String, String> backupMeta;
        try (Database b = Database.openReadOnly(backup, CoderFile.SCHEMA)) {
            backupMeta = b.read(CoderFileSql::meta);
        } catch (EarmarkException e) {
            throw new EarmarkException(Kind.BAD_INPUT, "Cannot restore from " + backup + ": " + e.getMessage(), e);
        }
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".restoring");
        synchronized (LOCK) {
            try {
                deleteWithSidecars(temp);
                // Copied first: the backup taken next may rotate the chosen one (the oldest) away.
                Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
                Optional<Backup> before = Optional.empty();
                if (Files.exists(target)) {
                    before = backUpBeforeRestore(target, backupMeta.get("file_id"), backup);
                }
                try (Database restored = Database.openForWriting(temp, CoderFile.SCHEMA)) {
                    restored.write(c -> {
                        CoderFileSql.audit(c, Instant.now(), backupMeta.getOrDefault("coder", "unknown"), "restore",
                                "from backup " + backup.getFileName());
                        return null;
                    });
                }
                force(temp);
                Path wal = dir.resolve(target.getFileName() + "-wal");
                if (Files.exists(wal) && Files.size(wal) > 0) {
                    throw SqlFailures.inUse(target, null); // opened meanwhile: replacing it now would lose work
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceFolder(dir);
                return before;
            } catch (IOException e) {
                throw new EarmarkException(Kind.IO, "Could not restore " + target + " from " + backup + ": "
                        + e.getMessage() + ". The file is as it was.", e);
            } finally {
                try {
                    deleteWithSidecars(temp);
                } catch (IOException ignored) {
                    // Only our own temporary copy; the coder file is either the old or the restored one.
                }
            }
        }
    }

    private static Optional<Backup> backUpBeforeRestore(Path target, String fileId, Path backup) throws IOException {
        Database current;
        try {
            current = Database.openForWriting(target, CoderFile.SCHEMA);
        } catch (EarmarkException e) {
            if (e.kind() != Kind.UNUSABLE_FILE) {
                throw e; // in use, missing rights: nothing may be replaced
            }
            // Too damaged to open: keep its bytes as they are (with a write-ahead log, if one is left).
            Path folder = folder(target);
            Files.createDirectories(folder);
            String name = baseName(target.getFileName().toString()) + "-" + stamp(Instant.now()) + ".damaged";
            Files.copy(target, folder.resolve(name + EXTENSION));
            Path wal = target.resolveSibling(target.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, folder.resolve(name + EXTENSION + "-wal"));
            }
            force(folder.resolve(name + EXTENSION));
            return Optional.empty();
        }
        try (current) {
            String currentId = current.read(CoderFileSql::meta).get("file_id");
            if (fileId == null || !fileId.equals(currentId)) {
                throw EarmarkException.badInput("Cannot restore " + target + " from " + backup + ": that is a backup"
                        + " of another coder file (file id " + fileId + ", not " + currentId + ").");
            }
            return Optional.of(backUp(current, DEFAULT_KEEP, Clock.systemUTC()));
        }
    }

    /**
     * Backs up {@code coderFile} every {@code every} while it is open, but only when something changed since the
     * last backup. A failed backup (disk full) goes to {@code onFailure} and the next one is still tried; the
     * schedule ends by itself once the file is closed (or cancel the returned future). Runs on
     * {@code executor}; a backup waits for a tag being saved and the other way round, never both at once.
     */
    public static ScheduledFuture<?> schedule(CoderFile coderFile, ScheduledExecutorService executor, Duration every,
            Consumer<EarmarkException> onFailure) {
        Database db = coderFile.database();
        long[] backedUp = {db.changes()};
        long period = every.toMillis();
        return executor.scheduleWithFixedDelay(() -> {
            if (!db.isOpen()) {
                throw new CancellationException(db.file() + " was closed"); // ends the schedule
            }
            try {
                if (db.changes() != backedUp[0]) {
                    backedUp[0] = take(db, DEFAULT_KEEP, Clock.systemUTC()).changes();
                }
            } catch (EarmarkException e) {
                if (db.isOpen()) {
                    onFailure.accept(e);
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The backup taken when a coder file is opened: skipped when the newest backup already holds every change
     * (only "open" entries were added since). Never fails the open; a problem is returned instead.
     */
    static Optional<EarmarkException> onOpen(Database db) {
        try {
            List<Backup> existing = list(db.file());
            if (!existing.isEmpty()) {
                long now = db.read(Backups::lastChange);
                if (now == lastChange(existing.get(0).file())) {
                    return Optional.empty();
                }
            }
            backUp(db, DEFAULT_KEEP, Clock.systemUTC());
            return Optional.empty();
        } catch (EarmarkException e) {
            return Optional.of(e);
        }
    }

    private static long lastChange(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(max(seq), 0) FROM audit WHERE action <> 'open'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The newest backup's last change, or -1 when it cannot be read (then a new backup is taken). */
    private static long lastChange(Path backup) {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup.toAbsolutePath(), p)) {
            return lastChange(c);
        } catch (SQLException e) {
            return -1;
        }
    }

    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** {@code ann.earmark} → {@code ann}; other names are kept whole. */
    static String baseName(String fileName) {
        return fileName.endsWith(EXTENSION) && fileName.length() > EXTENSION.length()
                ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    /** Temporary files of backups cut short by a crash (only this process backs up this file: it is locked). */
    private static void deleteLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*" + PART + "*")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (String sidecar : List.of("-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + sidecar));
        }
        // Restoring a backup from an older schema upgrades the temporary copy, which keeps the copy from before the
        // upgrade beside it: that is the backup itself again, and nobody would look for it under a hidden name.
        for (int version = 1; version < CoderFile.SCHEMA.currentVersion(); version++) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".schema-v" + version + ".bak"));
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable; not every platform lets a folder be opened, which is then no worse than before. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder as a channel; its renames are durable enough.
        }
    }
}

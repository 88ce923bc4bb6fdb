package org.earmark.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.earmark.core.AppDirs;
import org.earmark.core.EarmarkException;

/**
 * Notices an open file being moved, renamed, deleted or replaced behind Earmark's back, and rescues what was
 * committed to it. On Linux and macOS an open file can be deleted or renamed: SQLite keeps writing to it and
 * every commit succeeds, but at close the data go to a file without a name (deleted) or its write-ahead log is
 * left behind under the old name (moved). One {@code stat} per write, a few microseconds, catches it first.
 */
final class LostFile {

    private static final Object MISSING = new Object();

    private LostFile() {
    }

    /** The file's identity (device and inode where the platform has one), or null when it cannot be told. */
    static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** True unless the path is gone or names another file than the one with {@code key}. */
    static boolean same(Path file, Object key) {
        Object now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            now = MISSING;
        } catch (IOException e) {
            return true; // cannot tell (a network drive hiccup): SQLite reports real trouble itself
        }
        if (now == MISSING) {
            return false;
        }
        return key == null || key.equals(now);
    }

    /**
     * Writes everything committed through {@code db} to a new file beside the old path (never at it: a
     * write-ahead log left there would be replayed into whatever file comes to have that name), or in Earmark's
     * own folder when the old folder is gone, and moves the old log out of the way. Says where, as a sentence.
     */
    static String rescue(Database db) {
        Path file = db.file().toAbsolutePath();
        String stamp = Backups.stamp(Instant.now());
        String base = Backups.baseName(file.getFileName().toString());
        Path dir = file.getParent();
        Path fallback = AppDirs.dataHome().resolve("rescued").resolve(base + "-" + stamp + ".earmark");
        Path target = dir != null && Files.isDirectory(dir) ? dir.resolve(base + ".rescued-" + stamp + ".earmark")
                : fallback;
        try {
            write(db, target);
        } catch (RuntimeException | IOException first) {
            try {
                write(db, fallback);
                target = fallback;
            } catch (RuntimeException | IOException second) {
                return "Earmark could not write a rescued copy (" + first.getMessage() + "), so what was saved"
                        + " since it was opened may be lost. If the file is in the bin, put it back.";
            }
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal)) {
            try {
                Files.move(wal, file.resolveSibling(file.getFileName() + "-wal.orphaned-" + stamp));
            } catch (IOException ignored) {
                // Best effort: the rescued copy has another name, so the log cannot be replayed into it.
            }
        }
        return "Everything saved before is safe in " + target + " (a rescued copy); open that file to go on.";
    }

    private static void write(Database db, Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".rescuing");
        Files.deleteIfExists(temp);
        try {
            db.copyTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (Files.exists(target)) {
                throw new EarmarkException(EarmarkException.Kind.IO, target + " appeared meanwhile");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

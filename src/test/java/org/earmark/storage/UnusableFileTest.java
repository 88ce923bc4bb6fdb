package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Consumer;
import org.earmark.core.EarmarkException;
import org.earmark.model.NewEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable coder files get their own message and are never changed. */
class UnusableFileTest {

    @TempDir
    Path dir;

    /** A damaged file's check lists a line per page; the message keeps the first and counts the rest. */
    @Test
    void aLongIntegrityReportIsOneLine() {
        String report = "*** in database main ***\nTree 14 page 14: btreeInitPage() returns error code 11\n"
                + "Tree 13 page 13: btreeInitPage() returns error code 11\nPage 8: never used\nPage 15: never used";
        assertEquals("Tree 14 page 14: btreeInitPage() returns error code 11 and 3 more problems",
                Database.firstProblem(report));
        assertEquals("Page 8: never used", Database.firstProblem("Page 8: never used"));
        assertEquals("row 3 missing from index x and 1 more problem",
                Database.firstProblem("row 3 missing from index x\nrow 4 missing from index x"));
    }

    @Test
    void aJpegRenamedToEarmark() throws Exception {
        Path file = dir.resolve("photo.earmark");
        byte[] jpeg = new byte[4096];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        Files.write(file, jpeg);
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE, "is not an Earmark coder file: it is a JPEG image");
    }

    @Test
    void aTruncatedCoderFile() throws Exception {
        Path file = fileWithEvents("cut.earmark", 2000);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE, "is truncated");
    }

    @Test
    void aFileCutInsideItsHeader() throws Exception {
        Path file = fileWithEvents("stub.earmark", 1);
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 60));
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE, "is truncated: only 60 bytes");
    }

    @Test
    void aFileFromANewerEarmark() throws Exception {
        Path file = fileWithEvents("future.earmark", 3);
        sql(file, s -> run(s, "PRAGMA user_version = 99"));
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE,
                "was written by a newer version of Earmark (file format 99; this version reads up to 4)");
    }

    @Test
    void aSqliteFileFromAnotherProgram() throws Exception {
        Path file = dir.resolve("other.earmark");
        sql(file, s -> run(s, "CREATE TABLE t (x)"));
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE, "a SQLite database from another program");
    }

    @Test
    void aDamagedFile() throws Exception {
        Path file = fileWithEvents("damaged.earmark", 3000);
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the middle pages with noise; the header stays intact, so only SQLite's check can tell.
        for (int i = 8192; i < bytes.length - 8192; i += 7) {
            bytes[i] = (byte) (bytes[i] * 31 + 17);
        }
        Files.write(file, bytes);
        expectRefusal(file, EarmarkException.Kind.UNUSABLE_FILE, "is damaged");
    }

    @Test
    void aMissingFileAndAFolder() throws Exception {
        EarmarkException missing = assertThrows(EarmarkException.class,
                () -> CoderFile.open(dir.resolve("nope.earmark")));
        assertTrue(missing.getMessage().contains("File not found"), missing.getMessage());
        EarmarkException folder = assertThrows(EarmarkException.class, () -> CoderFile.open(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
    }

    private Path fileWithEvents(String name, int events) {
        Path file = dir.resolve(name);
        try (CoderFile f = TestFiles.create(file)) {
            for (int i = 0; i < events; i++) {
                f.add(new NewEvent("R-7Q3K", "OFQ", i * 100L, null, "note number " + i + " with some text"));
            }
        }
        return file;
    }

    /** Both ways of opening refuse the file with the expected message and leave every byte as it was. */
    private static void expectRefusal(Path file, EarmarkException.Kind kind, String fragment) throws Exception {
        byte[] before = Files.readAllBytes(file);
        for (var open : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                () -> CoderWorkReader.summarise(file), () -> CoderFile.open(file).close())) {
            EarmarkException e = assertThrows(EarmarkException.class, open);
            assertEquals(kind, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
            assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the file's bytes are unchanged");
    }

    static void sql(Path file, Consumer<Statement> work) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            work.accept(s);
        }
    }

    static void run(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.earmark.core.EarmarkException;
import org.earmark.io.OutputFiles.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an export may and may not replace, judged by the content of the file that is there. */
class OutputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void refusesAnySqliteDatabase() throws Exception {
        Path db = tmp.resolve("notes.xlsx");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        assertRefused(db, Output.WORKBOOK, "a SQLite database");
        assertRefused(db, Output.PACKAGE, "a SQLite database");
    }

    @Test
    void refusesRecordingsByTheirFirstBytes() throws Exception {
        byte[] wav = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 4);
        assertRefused(Files.write(tmp.resolve("a.csv"), wav), Output.CSV, "WAV");
        assertRefused(Files.write(tmp.resolve("b.eaf"), bytes("ID3\u0004\0\0\0\0\0\0")), Output.ELAN, "MP3");
        // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: a frame sync with no tag in front.
        assertRefused(Files.write(tmp.resolve("c.TextGrid"), new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64,
                0, 0, 0, 0}), Output.TEXTGRID, "MP3");
        assertRefused(Files.write(tmp.resolve("d.zip"), bytes("\0\0\0\u0020ftypM4A \0\0\0\0")), Output.PACKAGE, "M4A");
    }

    @Test
    void aPackageMayOnlyBeReplacedByAPackage() throws Exception {
        Path pkg = zip(tmp.resolve("ann.zip"), "ann.earmark", "audio/R-2345.wav");
        assertRefused(pkg, Output.WORKBOOK, "an Earmark package");
        assertRefused(pkg, Output.CSV, "an Earmark package");
        assertDoesNotThrow(() -> OutputFiles.checkFile(pkg, Output.PACKAGE, List.of()));
    }

    @Test
    void earlierOutputsOfTheSameKindMayBeReplaced() throws Exception {
        Path xlsx = zip(tmp.resolve("results.xlsx"), "[Content_Types].xml", "xl/workbook.xml");
        Path csv = Files.writeString(tmp.resolve("events.csv"), "recording,code\nR-2345,OFQ\n");
        Path eaf = Files.writeString(tmp.resolve("R-2345.eaf"), "<?xml version=\"1.0\"?><ANNOTATION_DOCUMENT/>");
        Path textGrid = Files.writeString(tmp.resolve("R-2345.TextGrid"), "File type = \"ooTextFile\"\n");
        assertDoesNotThrow(() -> OutputFiles.checkFile(xlsx, Output.WORKBOOK, List.of()));
        assertDoesNotThrow(() -> OutputFiles.checkFile(csv, Output.CSV, List.of()));
        assertDoesNotThrow(() -> OutputFiles.checkFile(eaf, Output.ELAN, List.of()));
        assertDoesNotThrow(() -> OutputFiles.checkFile(textGrid, Output.TEXTGRID, List.of()));
        assertDoesNotThrow(() -> OutputFiles.checkFile(tmp.resolve("new.xlsx"), Output.WORKBOOK, List.of()));
        assertDoesNotThrow(() -> OutputFiles.checkFile(tmp.resolve("empty.csv"), Output.CSV, List.of()));
    }

    @Test
    void refusesTheCommandsOwnInputWhateverItHolds() throws Exception {
        Path input = Files.writeString(tmp.resolve("events.csv"), "recording,code\n");
        EarmarkException e = assertThrows(EarmarkException.class,
                () -> OutputFiles.checkFile(tmp.resolve("./events.csv"), Output.CSV, List.of(input)));
        assertTrue(e.getMessage().contains("a file this command reads"), e.getMessage());
    }

    @Test
    void refusesAFolderForAFileAndAFileForAFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out.xlsx"));
        EarmarkException folder = assertThrows(EarmarkException.class,
                () -> OutputFiles.checkFile(dir, Output.WORKBOOK, List.of()));
        assertEquals(dir + " is a folder; give a file name for an XLSX workbook.", folder.getMessage());
        Path file = Files.writeString(tmp.resolve("csv"), "x");
        EarmarkException notFolder = assertThrows(EarmarkException.class,
                () -> OutputFiles.checkFolder(file, Output.CSV));
        assertEquals(file + " is a file, not a folder; give a folder for the CSV files.", notFolder.getMessage());
        assertDoesNotThrow(() -> OutputFiles.checkFolder(dir, Output.CSV));
        assertDoesNotThrow(() -> OutputFiles.checkFolder(tmp.resolve("missing"), Output.CSV));
    }

    @Test
    void refusesAPipeWithoutWaitingToReadIt() throws Exception {
        Path fifo = tmp.resolve("out.csv");
        int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(made == 0, "mkfifo is not available");
        EarmarkException e = assertThrows(EarmarkException.class,
                () -> OutputFiles.checkFile(fifo, Output.CSV, List.of()));
        assertEquals(fifo + " is not a regular file; give a file name for a CSV file.", e.getMessage());
    }

    private static void assertRefused(Path file, Output output, String holds) throws IOException {
        byte[] before = Files.readAllBytes(file);
        EarmarkException e = assertThrows(EarmarkException.class, () -> OutputFiles.checkFile(file, output, List.of()));
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith(file + " is ") && e.getMessage().contains(holds)
                && e.getMessage().contains(output.description()) && !e.getMessage().contains("\n"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Path zip(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}

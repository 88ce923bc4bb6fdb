package org.earmark.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.earmark.audio.AudioProbe;
import org.earmark.core.EarmarkException;
import org.earmark.storage.FileKind;

/**
 * Checks a file or folder the user named for an export or a package before anything is written, so
 * a mistyped name cannot replace a study file, a coder file, a package or a recording: atomic writing
 * replaces whatever is there, and these hold work that exists nowhere else. Replacing an earlier
 * output of the same kind (a results.xlsx, an .eaf) stays allowed; that is what re-exporting is.
 */
public final class OutputFiles {

    /** What is about to be written, for the message and for whether it may replace a package. */
    public enum Output {
        WORKBOOK("an XLSX workbook", "XLSX workbooks"),
        CSV("a CSV file", "CSV files"),
        ELAN("an ELAN file", "ELAN files"),
        TEXTGRID("a Praat TextGrid", "Praat TextGrids"),
        PACKAGE("a coder package", "coder packages");

        private final String description;
        private final String plural;

        Output(String description, String plural) {
            this.description = description;
            this.plural = plural;
        }

        public String description() {
            return description;
        }
    }

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private OutputFiles() {
    }

    /**
     * Refuses, with a message naming {@code target} and what it holds, to write {@code output} over a
     * folder, a SQLite database, an Earmark package (unless a package is being written), an audio file
     * or any of {@code inputs}.
     *
     * @param inputs the files the command reads (study file, coder file, recordings)
     */
    public static void checkFile(Path target, Output output, Collection<Path> inputs) {
        if (Files.isDirectory(target)) {
            throw EarmarkException.badInput(target + " is a folder; give a file name for " + output.description()
                    + ".");
        }
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isRegularFile(target)) {
            // Reading a pipe to see what it holds would wait for ever; nothing is exported to a device.
            throw EarmarkException.badInput(target + " is not a regular file; give a file name for "
                    + output.description() + ".");
        }
        Optional<String> holds = precious(target, output);
        if (holds.isEmpty() && isOneOf(target, inputs)) {
            holds = Optional.of("a file this command reads");
        }
        holds.ifPresent(what -> {
            throw EarmarkException.badInput(target + " is " + what + "; writing " + output.description()
                    + " there would destroy it. Choose another file name.");
        });
    }

    /** Refuses a folder target that is an existing file (the files written into it are checked one by one). */
    public static void checkFolder(Path dir, Output output) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw EarmarkException.badInput(dir + " is a file, not a folder; give a folder for the " + output.plural
                    + ".");
        }
    }

    /** What an existing file holds that no export may replace, judged by its content, not its name. */
    private static Optional<String> precious(Path file, Output output) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(Math.max(AudioProbe.HEAD, 100));
        } catch (IOException e) {
            // What cannot be read cannot be shown to be safe to replace.
            return Optional.of("a file that cannot be read to check what it holds (" + e.getMessage() + ")");
        }
        if (startsWith(head, SQLITE_MAGIC)) {
            return Optional.of(FileKind.of(file).map(k -> "an Earmark " + k.description()).orElse("a SQLite database"));
        }
        if (output != Output.PACKAGE && head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3
                && head[3] == 4 && holdsCoderFile(file)) {
            return Optional.of("an Earmark package");
        }
        return AudioProbe.formatOf(head).map(f -> "a recording in " + f.displayName());
    }

    /** Whether a zip file has a coder file at its top, as every package Earmark writes has. */
    private static boolean holdsCoderFile(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                if (isCoderFile(entries.nextElement())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // A package cut short has no central directory; its first entry is still the coder file.
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry first = in.getNextEntry();
                return first != null && isCoderFile(first);
            } catch (IOException | IllegalArgumentException unreadable) {
                return false;
            }
        }
    }

    private static boolean isCoderFile(ZipEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && !name.contains("/") && !name.contains("\\") && name.endsWith(".earmark");
    }

    private static boolean isOneOf(Path target, Collection<Path> inputs) {
        for (Path input : inputs) {
            try {
                if (input != null && Files.exists(input) && Files.isSameFile(target, input)) {
                    return true;
                }
            } catch (IOException e) {
                // Cannot tell: the content checks above still stand.
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}

package org.earmark.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.StringReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.earmark.core.EarmarkException;

/** Reading the CSV files researchers give us: UTF-8 with or without a BOM, RFC 4180 quoting. */
public final class CsvFiles {

    /** RFC 4180 with a header row (no name twice), blank lines skipped, no trimming of values. */
    public static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();

    /** The same, for writing: a header and CRLF-free output that R, SPSS and Stata read as is. */
    public static final CSVFormat FOR_WRITING = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvFiles() {
    }

    /** The file's text, strictly UTF-8 (a BOM is dropped); anything else is a clear error naming the file. */
    public static Reader open(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new StringReader(text);
        } catch (NoSuchFileException e) {
            throw EarmarkException.badInput("File not found: " + file);
        } catch (CharacterCodingException e) {
            throw EarmarkException.badInput(file + " is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Turns a commons-csv parse failure (broken quoting) into a message with the file and line. */
    public static EarmarkException broken(Path file, long line, Exception e) {
        // An UncheckedIOException's message is its cause's class name and message; the user needs the message.
        Throwable reason = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String why = reason.getMessage() == null ? "unreadable" : reason.getMessage();
        return EarmarkException.badInput(file + " line " + line + ": not valid CSV (" + why + ")");
    }

    /** A parser with {@link #WITH_HEADER}; a header it cannot use (a blank or repeated name) is bad input. */
    public static CSVParser parseWithHeader(Path file, Reader reader) throws IOException {
        try {
            return WITH_HEADER.parse(reader);
        } catch (IllegalArgumentException e) {
            throw EarmarkException.badInput(file + " line 1: not a usable header (" + e.getMessage() + ")");
        } catch (java.io.UncheckedIOException e) {
            throw broken(file, 1, e);
        }
    }
}

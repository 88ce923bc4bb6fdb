package org.earmark.io.ratings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.core.EarmarkException;

/**
 * Reads a long-format ratings file: RFC 4180 CSV, UTF-8 with or without a byte order mark, header
 * {@code unit,coder,value}, one row per unit and coder. An empty value is a missing rating; blank lines are
 * skipped; surrounding spaces of ids and values are ignored. At nominal level a value may be any text and
 * values are compared as text (so "1" and "1.0" are different categories); at
 * ordinal, interval and ratio level it must be a decimal number (ordinal values must be orderable, and text
 * has no agreed order), and at ratio level it must not be negative (the ratio metric needs a true zero).
 * Every problem is bad input naming the file, the line and what is wrong.
 */
public final class LongRatingsCsv {

    private static final List<String> HEADER = List.of("unit", "coder", "value");

    private LongRatingsCsv() {
    }

    /** Reads {@code file} at {@code level}. */
    public static RatingsTable read(Path file, Level level) {
        String source = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, source, level);
        } catch (NoSuchFileException e) {
            throw EarmarkException.badInput(source + ": file not found");
        } catch (CharacterCodingException e) {
            throw EarmarkException.badInput(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw EarmarkException.badInput(source + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads CSV text; {@code source} names it in messages. */
    public static RatingsTable read(Reader text, String source, Level level) throws IOException {
        PushbackReader in = new PushbackReader(text, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        RatingsTable.Builder table = level.isNumeric() ? RatingsTable.numberBuilder() : RatingsTable.labelBuilder();
        Map<String, Long> firstLine = new HashMap<>();
        boolean headerSeen = false;
        try (CSVParser parser = format.parse(in)) {
            long lineBefore = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                if (!headerSeen) {
                    checkHeader(record, source, line);
                    headerSeen = true;
                    continue;
                }
                if (record.size() != 3) {
                    throw bad(source, line, "expected 3 fields (unit,coder,value), found " + record.size());
                }
                String unit = record.get(0).trim();
                String coder = record.get(1).trim();
                String value = record.get(2).trim();
                if (unit.isEmpty() || coder.isEmpty()) {
                    throw bad(source, line, "empty " + (unit.isEmpty() ? "unit" : "coder") + " id");
                }
                String key = unit + '\u0000' + coder;
                Long earlier = firstLine.putIfAbsent(key, line);
                if (earlier != null) {
                    throw bad(source, line, "duplicate row for unit '" + unit + "' and coder '" + coder
                            + "' (first on line " + earlier + ")");
                }
                if (level.isNumeric()) {
                    table.number(unit, coder, value.isEmpty() ? null : number(value, level, source, line));
                } else {
                    table.label(unit, coder, value.isEmpty() ? null : value);
                }
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed quoting this way, with its own line number in the message
            throw EarmarkException.badInput(source + ": not valid CSV: " + e.getCause().getMessage());
        }
        if (!headerSeen) {
            throw EarmarkException.badInput(source + ": empty file; expected the header unit,coder,value");
        }
        if (firstLine.isEmpty()) {
            throw EarmarkException.badInput(source + ": no ratings after the header unit,coder,value");
        }
        return table.build();
    }

    private static void checkHeader(CSVRecord record, String source, long line) {
        boolean ok = record.size() == HEADER.size();
        for (int i = 0; ok && i < HEADER.size(); i++) {
            ok = HEADER.get(i).equals(record.get(i).trim().toLowerCase(Locale.ROOT));
        }
        if (!ok) {
            throw bad(source, line, "expected the header unit,coder,value, found '" + String.join(",", record.toList())
                    + "'");
        }
    }

    private static double number(String text, Level level, String source, long line) {
        double d;
        try {
            d = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            throw bad(source, line, "value '" + text + "' is not a number; " + level.cliName()
                    + " level needs numbers (use --level nominal for text)");
        }
        if (!Double.isFinite(d)) {
            throw bad(source, line, "value '" + text + "' is too large");
        }
        if (level == Level.RATIO && d < 0) {
            throw bad(source, line, "value '" + text + "' is negative; ratio level needs values >= 0");
        }
        return d;
    }

    private static EarmarkException bad(String source, long line, String problem) {
        return EarmarkException.badInput(source + " line " + line + ": " + problem);
    }
}

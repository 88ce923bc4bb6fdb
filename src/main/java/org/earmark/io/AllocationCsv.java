package org.earmark.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earmark.core.EarmarkException;

/**
 * The allocation key a lead researcher gives at study set-up: a header with a {@code file} column
 * and any others (arm, team, supervisor, date…), one row per recording.
 */
public final class AllocationCsv {

    /** One row: the audio file it names, its allocation values, and its line for messages. */
    public record Row(long line, String file, Map<String, String> values) {
    }

    private final List<String> columns;
    private final List<Row> rows;

    private AllocationCsv(List<String> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** The allocation columns, in file order, without {@code file}. */
    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public static AllocationCsv read(Path csv) {
        try (Reader reader = CsvFiles.open(csv); CSVParser parser = CsvFiles.parseWithHeader(csv, reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("file")) {
                throw EarmarkException.badInput(csv + " line 1: the header needs a \"file\" column naming each"
                        + " recording's audio file; it has " + header);
            }
            List<String> columns = header.stream().filter(h -> !h.equals("file")).toList();
            for (String column : columns) {
                if (column.isBlank()) {
                    throw EarmarkException.badInput(csv + " line 1: a column has no name");
                }
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Long> seen = new LinkedHashMap<>();
            var iterator = parser.iterator();
            while (true) {
                CSVRecord record;
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw CsvFiles.broken(csv, line, e);
                }
                line = record.getParser().getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw EarmarkException.badInput(csv + " line " + line + ": has " + record.size()
                            + " values but the header has " + header.size() + " columns");
                }
                String file = record.get("file").strip();
                if (file.isEmpty()) {
                    throw EarmarkException.badInput(csv + " line " + line + ": the file column is empty");
                }
                Long earlier = seen.putIfAbsent(fileName(file), line);
                if (earlier != null) {
                    throw EarmarkException.badInput(csv + " line " + line + ": " + file + " is already listed on line "
                            + earlier);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : columns) {
                    values.put(column, record.get(column));
                }
                rows.add(new Row(line, file, values));
            }
            return new AllocationCsv(columns, rows);
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * The name a row is matched by: the last part of the path, whichever separator was used, in Unicode normal form
     * C. macOS hands out file names decomposed ("e" + combining diaeresis) while a CSV typed elsewhere has the
     * composed "ë": the same name to the researcher, two strings to Java.
     */
    public static String fileName(String file) {
        String s = file.replace('\\', '/');
        return java.text.Normalizer.normalize(s.substring(s.lastIndexOf('/') + 1), java.text.Normalizer.Form.NFC);
    }
}

package org.earmark.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.earmark.core.AtomicFiles;

/** Writes tables as one XLSX workbook (a sheet each) or as UTF-8 CSV files (one each), atomically. */
public final class TableWriters {

    /**
     * Deflate level of the workbook. fastexcel's default (4) spends about half again the time of
     * level 1 on the Events sheet of a trial-sized study for a file some 15% smaller; the export
     * is waited for, the file is not kept on a slow link.
     */
    static final int COMPRESSION_LEVEL = 1;

    private TableWriters() {
    }

    /**
     * Refuses, before anything is written, an export of {@code tables} to {@code xlsx} and (if not
     * null) {@code csvDir} that would replace a folder, a study or coder file, a package, a recording
     * or one of {@code inputs}; {@link #xlsx} and {@link #csv} check their own targets too, but only
     * this check keeps the workbook from being written when the CSV folder is then refused.
     */
    public static void checkExport(Path xlsx, Path csvDir, List<Table> tables, Collection<Path> inputs) {
        OutputFiles.checkFile(xlsx, OutputFiles.Output.WORKBOOK, inputs);
        if (csvDir != null) {
            checkCsv(csvDir, tables, inputs);
        }
    }

    public static void xlsx(Path file, List<Table> tables, String appVersion) {
        OutputFiles.checkFile(file, OutputFiles.Output.WORKBOOK, List.of());
        AtomicFiles.write(file, out -> {
            Workbook workbook = new Workbook(out, "Earmark", normaliseVersion(appVersion));
            workbook.setCompressionLevel(COMPRESSION_LEVEL);
            for (Table table : tables) {
                XlsxSheet.write(table, workbook.newWorksheet(table.name()));
            }
            workbook.finish();
        });
    }

    /** Writes {@code dir/<table name>.csv} for each table. */
    public static List<Path> csv(Path dir, List<Table> tables) {
        checkCsv(dir, tables, List.of());
        List<Path> written = new ArrayList<>();
        for (Table table : tables) {
            Path file = csvFile(dir, table);
            AtomicFiles.write(file, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(writer, CsvFiles.FOR_WRITING);
                printer.printRecord(table.columns());
                try {
                    table.writeTo(new CsvCells(printer));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                printer.flush();
            });
            written.add(file);
        }
        return written;
    }

    private static void checkCsv(Path dir, List<Table> tables, Collection<Path> inputs) {
        OutputFiles.checkFolder(dir, OutputFiles.Output.CSV);
        for (Table table : tables) {
            OutputFiles.checkFile(csvFile(dir, table), OutputFiles.Output.CSV, inputs);
        }
    }

    private static Path csvFile(Path dir, Table table) {
        return dir.resolve(table.name().toLowerCase(Locale.ROOT) + ".csv");
    }

    /** One CSV record per row; numbers as {@link #plain(double)} writes them. */
    private record CsvCells(CSVPrinter printer) implements Table.Cells {
        @Override
        public void text(String value) {
            print(value == null ? "" : value);
        }

        @Override
        public void number(double value) {
            print(Double.isFinite(value) ? plain(value) : "");
        }

        @Override
        public void number(long value) {
            print(Long.toString(value));
        }

        @Override
        public void empty() {
            print("");
        }

        @Override
        public void endRow() {
            try {
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void print(String cell) {
            try {
                printer.print(cell);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A number with a point and no exponent or grouping, so R, SPSS and Stata read it as a number:
     * what {@code BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()} gives, without making a
     * BigDecimal for the common case of a number {@link Double#toString} writes without an exponent.
     */
    static String plain(double d) {
        if (d == 0) {
            return "0"; // also -0.0, which BigDecimal has no sign for
        }
        String s = Double.toString(d);
        if (s.indexOf('E') >= 0) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        // Double.toString always writes a point and at least one digit after it.
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** fastexcel wants a version like 1.0; ours may be 0.1.0-SNAPSHOT or dev. */
    private static String normaliseVersion(String version) {
        String digits = version.replaceAll("[^0-9.]", "");
        String[] parts = digits.split("\\.");
        return parts.length >= 2 && !parts[0].isEmpty() ? parts[0] + "." + parts[1] : "1.0";
    }
}

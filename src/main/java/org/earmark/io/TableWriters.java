package org.earmark.io;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.earmark.core.AtomicFiles;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes tables as one XLSX workbook (a sheet each) or as UTF-8 CSV files (one each), atomically. */
public final class TableWriters {

    private TableWriters() {
    }

    public static void xlsx(Path file, List<Table> tables, String appVersion) {
        AtomicFiles.write(file, out -> {
            Workbook workbook = new Workbook(out, "Earmark", normaliseVersion(appVersion));
            for (Table table : tables) {
                Worksheet sheet = workbook.newWorksheet(table.name());
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.value(0, c, table.columns().get(c));
                    sheet.style(0, c).bold().set();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            sheet.value(r + 1, c, n);
                        } else if (v != null) {
                            sheet.value(r + 1, c, v.toString());
                        }
                    }
                }
                sheet.freezePane(0, 1);
                sheet.finish();
            }
            workbook.finish();
        });
    }

    /** Writes {@code dir/<table name>.csv} for each table. */
    public static List<Path> csv(Path dir, List<Table> tables) {
        List<Path> written = new ArrayList<>();
        for (Table table : tables) {
            Path file = dir.resolve(table.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
            AtomicFiles.write(file, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CsvFiles.FOR_WRITING);
                printer.printRecord(table.columns());
                for (List<Object> row : table.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object v : row) {
                        cells.add(csvCell(v));
                    }
                    printer.printRecord(cells);
                }
                printer.flush();
            });
            written.add(file);
        }
        return written;
    }

    /** Numbers with a point and no exponent or grouping, so R, SPSS and Stata read them as numbers. */
    static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).toPlainString();
        }
        return v.toString();
    }

    /** fastexcel wants a version like 1.0; ours may be 0.1.0-SNAPSHOT or dev. */
    private static String normaliseVersion(String version) {
        String digits = version.replaceAll("[^0-9.]", "");
        String[] parts = digits.split("\\.");
        return parts.length >= 2 && !parts[0].isEmpty() ? parts[0] + "." + parts[1] : "1.0";
    }
}

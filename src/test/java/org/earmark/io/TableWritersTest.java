package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWritersTest {

    @TempDir
    Path dir;

    /** A table longer than a few blocks, with every kind of cell and text that needs escaping. */
    private static Table events(int rows) {
        Table.Builder t = new Table.Builder("Events", "id", "note", "start_s", "end_s", "n", "blank");
        String[] notes = {"", "plain", "a <b> & \"c\" 'd'", "  spaced  ", "ünïcödé — 😀", "line\nbreak", "tab\tx"};
        for (int r = 0; r < rows; r++) {
            t.row("R-" + r, notes[r % notes.length], r * 1.7 / 1000.0, r % 3 == 0 ? null : r / 1000.0,
                    (long) r * 1_000_003L, r % 5 == 0 ? Double.NaN : null);
        }
        return t.build();
    }

    private static List<Table> tables() {
        return List.of(new Table.Builder("Sessions", "recording", "duration_s").row("R-0", 600.0).row("R-1", 0.5)
                .build(), events(3 * XlsxSheet.BLOCK_ROWS + 17),
                new Table.Builder("Provenance", "key", "value").row("unblinded", "no").build());
    }

    /** The workbook as fastexcel writes it when given every cell at once (how the export was first written). */
    private static void plainWorkbook(Path file, List<Table> tables) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Earmark", "1.0");
            for (Table table : tables) {
                Worksheet sheet = workbook.newWorksheet(table.name());
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.value(0, c, table.columns().get(c));
                }
                List<List<Object>> rows = TableCells.of(table);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object v = rows.get(r).get(c);
                        // Empty text and NaN are empty cells (NaN is no number a spreadsheet can hold).
                        if (v instanceof Number n && !(v instanceof Double d && d.isNaN())) {
                            sheet.value(r + 1, c, n);
                        } else if (v instanceof String s && !s.isEmpty()) {
                            sheet.value(r + 1, c, s);
                        }
                    }
                }
                sheet.finish();
            }
            workbook.finish();
        }
    }

    /** Every sheet, row and cell as type and text, as a reader sees them. */
    private static List<String> readBack(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (Sheet sheet : wb.getSheets().toList()) {
                out.add("sheet " + sheet.getName());
                for (Row row : sheet.read()) {
                    StringBuilder line = new StringBuilder().append(row.getRowNum()).append(':');
                    for (Cell cell : row) {
                        if (cell != null) {
                            line.append(' ').append(cell.getColumnIndex()).append('=').append(cell.getType())
                                    .append('/').append(cell.getText());
                        }
                    }
                    out.add(line.toString());
                }
            }
        }
        return out;
    }

    @Test
    void theStreamedWorkbookHasTheSameCellsAsAPlainOne() throws Exception {
        Path streamed = dir.resolve("streamed.xlsx");
        Path plain = dir.resolve("plain.xlsx");
        TableWriters.xlsx(streamed, tables(), "0.3.0-SNAPSHOT");
        plainWorkbook(plain, tables());
        List<String> expected = readBack(plain);
        List<String> actual = readBack(streamed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + i);
        }
        assertTrue(actual.contains("sheet Events") && actual.get(actual.indexOf("sheet Events") + 1)
                .equals("1: 0=STRING/id 1=STRING/note 2=STRING/start_s 3=STRING/end_s 4=STRING/n 5=STRING/blank"),
                actual.get(actual.indexOf("sheet Events") + 1));
        assertTrue(actual.contains("4: 0=STRING/R-2 1=STRING/a <b> & \"c\" 'd' 2=NUMBER/0.0034 3=NUMBER/0.002"
                + " 4=NUMBER/2000006"), actual.get(3 + actual.indexOf("sheet Events")));
        assertTrue(actual.contains("5: 0=STRING/R-3 1=STRING/  spaced   2=NUMBER/0.0050999999999999995 4=NUMBER/3000009"),
                "space at either end kept, a point event's end empty: " + actual.get(5 + actual.indexOf("sheet Events")));
    }

    @Test
    void csvHasAHeaderAndPlainNumbersInUtf8() throws Exception {
        Table t = new Table.Builder("Mixed", "text", "x", "n").row("a, \"quoted\" ü", 600.0, 3L)
                .row(null, 1.0E-7, -2).row("", Double.POSITIVE_INFINITY, 12_345_678_901L).build();
        List<Path> files = TableWriters.csv(dir, List.of(t));
        assertEquals(List.of(dir.resolve("mixed.csv")), files);
        // commons-csv quotes an empty first cell, so that the record is not an empty line.
        assertEquals("text,x,n\n\"a, \"\"quoted\"\" ü\",600,3\n\"\",0.0000001,-2\n\"\",,12345678901\n",
                Files.readString(files.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void plainNumbersAreWhatBigDecimalWrites() {
        Random random = new Random(11);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 600.0, 0.5, 1e-7, 1.0E21, 123456789.0,
                1e7, 1e-3, 0.1 + 0.2, Double.MIN_VALUE, Double.MAX_VALUE, 5400.0, 17.349));
        for (int i = 0; i < 100_000; i++) {
            values.add(switch (i % 3) {
                case 0 -> random.nextInt(10_000_000) / 1000.0;
                case 1 -> random.nextDouble();
                default -> Double.longBitsToDouble(random.nextLong());
            });
        }
        for (double d : values) {
            if (Double.isFinite(d)) {
                assertEquals(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(), TableWriters.plain(d),
                        Double.toString(d));
            }
        }
    }
}

package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported workbook as a spreadsheet program reads it: LibreOffice Calc (headless, when installed; CI installs
 * it) turns every sheet into CSV, which must hold the same cells as Earmark's own CSV export of the same tables —
 * text exactly (spaces at either end, escapes, non-ASCII, text that looks like a formula or a number), numbers as
 * the same numbers, empty cells empty.
 */
class XlsxInLibreOfficeTest {

    /** LibreOffice's CSV filter: comma, double quote, UTF-8, from row 1, raw values, every sheet to its own file. */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,"
            + "false,-1";

    @TempDir
    Path dir;

    private static List<Table> tables() {
        Table.Builder events = new Table.Builder("Events", "id", "note", "start_s", "end_s", "n");
        String[] notes = {"", "plain", "a <b> & \"c\" 'd'", "  spaced  ", "ünïcödé — 😀", "line\nbreak", "tab\tx",
            "=1+1", "- asked about outcomes", "007", "1e5", "TRUE", "comma, and \"quote\""};
        for (int r = 0; r < 3 * XlsxSheet.BLOCK_ROWS + 17; r++) {
            events.row("R-" + r, notes[r % notes.length], r * 1.7 / 1000.0, r % 3 == 0 ? null : r / 1000.0,
                    (long) r * 1_000_003L);
        }
        return List.of(new Table.Builder("Sessions", "recording", "duration_s").row("R-0", 600.0).row("R-1", 0.5)
                .build(), events.build(), new Table.Builder("Provenance", "key", "value").row("unblinded", "no")
                .row("tolerance_s", 2.0).build());
    }

    @Test
    void libreOfficeReadsEveryCellAsTheCsvExportHasIt() throws Exception {
        assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
        List<Table> tables = tables();
        Path xlsx = dir.resolve("results.xlsx");
        TableWriters.xlsx(xlsx, tables, "1.0");
        List<Path> csvs = TableWriters.csv(dir.resolve("csv"), tables);
        Path converted = Files.createDirectories(dir.resolve("lo"));
        Process lo = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", CSV_FILTER, "--outdir", converted.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(lo.waitFor(180, TimeUnit.SECONDS), "LibreOffice did not finish within 3 minutes");
        String log = Files.readString(dir.resolve("soffice.log"));
        assertEquals(0, lo.exitValue(), log);
        for (int t = 0; t < tables.size(); t++) {
            Path sheet = converted.resolve("results-" + tables.get(t).name() + ".csv");
            assertTrue(Files.exists(sheet), "no sheet " + tables.get(t).name() + " in " + log);
            List<CSVRecord> expected = read(csvs.get(t));
            List<CSVRecord> actual = read(sheet);
            assertEquals(expected.size(), actual.size(), tables.get(t).name() + ": rows");
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < tables.get(t).columns().size(); c++) {
                    String want = expected.get(r).get(c);
                    String got = c < actual.get(r).size() ? actual.get(r).get(c) : "";
                    String where = tables.get(t).name() + " row " + r + " column " + c;
                    if (isNumber(want) && r > 0 && !tables.get(t).columns().get(c).equals("note")) {
                        // LibreOffice writes a number to CSV with 15 significant digits, as it shows it.
                        double x = Double.parseDouble(want);
                        assertEquals(x, Double.parseDouble(got), Math.abs(x) * 1e-14, where);
                    } else {
                        assertEquals(want, got, where);
                    }
                }
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.RFC4180.parse(in).getRecords());
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}

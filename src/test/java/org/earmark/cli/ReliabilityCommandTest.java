package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Krippendorff (2011) in long format, rows in a scrambled order. */
    private Path krippendorff2011() throws IOException {
        String[] coders = {"A", "B", "C", "D"};
        String[][] rows = {
            {"1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""},
            {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"},
            {"", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""},
            {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""}};
        StringBuilder s = new StringBuilder("\uFEFFunit,coder,value\n");
        for (int u = 11; u >= 0; u--) {
            for (int c = 0; c < 4; c++) {
                s.append("unit ").append(u + 1).append(',').append(coders[c]).append(',').append(rows[c][u]).append('\n');
            }
        }
        return csv("k2011.csv", s.toString());
    }

    @Test
    void jsonIsOneObjectWithNullsWhereNotApplicable() throws IOException {
        Run r = run("reliability", "--input", krippendorff2011().toString(), "--level", "ordinal", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("units", "coders", "level", "percent_agreement", "cohen_kappa", "cohen_kappa_linear",
                "cohen_kappa_quadratic", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1", "icc"),
                iterableToList(json.fieldNames()));
        assertEquals(12, json.get("units").asInt());
        assertEquals(4, json.get("coders").asInt());
        assertEquals("ordinal", json.get("level").asText());
        assertEquals(0.8153875, json.get("krippendorff_alpha").asDouble(), 1e-7);
        assertTrue(json.get("cohen_kappa").isNull());
        assertTrue(json.get("fleiss_kappa").isNull());
        assertTrue(json.get("icc").isNull());
        // units 2-9 are complete; all four coders agree on units 3, 4, 5, 7 and 9
        assertEquals(5.0 / 8, json.get("percent_agreement").asDouble(), 1e-15);
        assertEquals(1, r.out().trim().split("\n").length, "exactly one line of JSON");
    }

    @Test
    void jsonIccAtIntervalLevel() throws IOException {
        StringBuilder s = new StringBuilder("unit,coder,value\n");
        double[][] sf = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        for (int t = 0; t < 6; t++) {
            for (int j = 0; j < 4; j++) {
                s.append("t").append(t).append(",j").append(j).append(',').append((int) sf[t][j]).append('\n');
            }
        }
        Run r = run("reliability", "--input", csv("sf.csv", s.toString()).toString(), "--level", "interval", "--json");
        JsonNode icc = new ObjectMapper().readTree(r.out()).get("icc");
        assertEquals(0.29, icc.get("ICC2").get("value").asDouble(), 0.005);
        assertEquals(0.018786513374712, icc.get("ICC2").get("lbound").asDouble(), 1e-9);
        assertEquals(0.985891678169062, icc.get("ICC3k").get("ubound").asDouble(), 1e-9);
    }

    @Test
    void readableTable() throws IOException {
        Run r = run("reliability", "--input", krippendorff2011().toString(), "--level", "nominal");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Krippendorff's alpha (nominal)           0.7434"), r.out());
        assertTrue(r.out().contains("Gwet's AC1"), r.out());
        assertTrue(r.out().contains("Guide:"), r.out());
    }

    @Test
    void badInputExitsTwoWithFileLineAndProblem() throws IOException {
        Path dup = csv("dup.csv", "unit,coder,value\nu1,a,1\nu1,a,2\n");
        Run r = run("reliability", "--input", dup.toString(), "--level", "nominal", "--json");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("earmark: " + dup + " line 3: duplicate row for unit 'u1' and coder 'a' (first on line 2)",
                r.err().trim());

        Path text = csv("text.csv", "unit,coder,value\nu1,a,1\nu2,a,often\n");
        r = run("reliability", "--input", text.toString(), "--level", "interval");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(text + " line 3: value 'often' is not a number"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace");

        r = run("reliability", "--input", text.toString(), "--level", "cardinal");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown level 'cardinal'"), r.err());

        r = run("reliability", "--input", dir.resolve("missing.csv").toString(), "--level", "nominal");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.csv: file not found"), r.err());

        Path noHeader = csv("noheader.csv", "u1,a,1\n");
        r = run("reliability", "--input", noHeader.toString(), "--level", "nominal");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(noHeader + " line 1: expected the header unit,coder,value"), r.err());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}

package org.earmark.io.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.core.EarmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongRatingsCsvTest {

    private static RatingsTable read(String csv, Level level) throws IOException {
        return LongRatingsCsv.read(new StringReader(csv), "in.csv", level);
    }

    private static String problem(String csv, Level level) {
        EarmarkException e = assertThrows(EarmarkException.class, () -> read(csv, level));
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        return e.getMessage();
    }

    @Test
    void readsQuotedTextMissingValuesAndBom() throws IOException {
        RatingsTable t = read("\uFEFFunit,coder,value\r\nu1,a,\"yes, clearly\"\r\nu1,b,\r\n\"u\n2\",a,no\r\n\r\n\"u\n2\",b,\"say \"\"no\"\"\"\r\n",
                Level.NOMINAL);
        assertEquals(List.of("u1", "u\n2"), t.unitIds());
        assertEquals(List.of("a", "b"), t.coderIds());
        assertEquals("yes, clearly", t.categoryLabel(t.category(0, 0)));
        assertEquals(RatingsTable.MISSING, t.category(0, 1));
        assertEquals("say \"no\"", t.categoryLabel(t.category(1, 1)));
    }

    @Test
    void numbersSortNumerically() throws IOException {
        RatingsTable t = read("unit,coder,value\nu1,a,10\nu1,b,2\nu2,a,2.0\nu2,b,-1.5e0\n", Level.INTERVAL);
        assertEquals(3, t.categoryCount()); // 2 and 2.0 are one value
        assertEquals(List.of(-1.5, 2.0, 10.0), List.of(t.categoryValue(0), t.categoryValue(1), t.categoryValue(2)));
    }

    @Test
    void badInputNamesFileLineAndProblem() {
        assertEquals("in.csv: empty file; expected the header unit,coder,value", problem("", Level.NOMINAL));
        assertEquals("in.csv line 1: expected the header unit,coder,value, found 'u1,a,1'",
                problem("u1,a,1\n", Level.NOMINAL));
        assertEquals("in.csv line 4: duplicate row for unit 'u1' and coder 'a' (first on line 2)",
                problem("unit,coder,value\nu1,a,1\nu1,b,2\nu1,a,\n", Level.NOMINAL));
        assertEquals("in.csv line 3: value 'high' is not a number; interval level needs numbers (use --level nominal"
                + " for text)", problem("unit,coder,value\nu1,a,1\nu1,b,high\n", Level.INTERVAL));
        assertTrue(problem("unit,coder,value\nu1,a,x\n", Level.ORDINAL).startsWith("in.csv line 2: value 'x'"));
        assertEquals("in.csv line 2: value '-1' is negative; ratio level needs values >= 0",
                problem("unit,coder,value\nu1,a,-1\n", Level.RATIO));
        assertEquals("in.csv line 2: expected 3 fields (unit,coder,value), found 2",
                problem("unit,coder,value\nu1,a\n", Level.NOMINAL));
        assertEquals("in.csv line 2: empty coder id", problem("unit,coder,value\nu1,,1\n", Level.NOMINAL));
        assertTrue(problem("unit,coder,value\nu1,a,\"open\n", Level.NOMINAL).startsWith("in.csv: not valid CSV"));
    }

    @Test
    void unreadableFiles(@TempDir Path dir) throws IOException {
        EarmarkException missing = assertThrows(EarmarkException.class,
                () -> LongRatingsCsv.read(dir.resolve("nope.csv"), Level.NOMINAL));
        assertTrue(missing.getMessage().endsWith("nope.csv: file not found"), missing.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "unit,coder,value\nu1,a,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        EarmarkException encoding = assertThrows(EarmarkException.class,
                () -> LongRatingsCsv.read(latin1, Level.NOMINAL));
        assertTrue(encoding.getMessage().endsWith("latin1.csv: not UTF-8 text"), encoding.getMessage());
    }
}

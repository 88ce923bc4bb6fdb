package org.earmark.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.earmark.io.ratings.LongRatingsCsv;

/** Test data: published tables and the R reference tables under src/test/resources/agreement. */
public final class Tables {

    private Tables() {
    }

    /**
     * Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers (A-D) x 12 units,
     * missing values as null. Published alphas: nominal .743, ordinal .815, interval .849, ratio .797.
     */
    public static final Double[][] KRIPPENDORFF_2011 = transpose(new Double[][] {
        {1d, 2d, 3d, 3d, 2d, 1d, 4d, 1d, 2d, null, null, null},
        {1d, 2d, 3d, 3d, 2d, 2d, 4d, 1d, 2d, 5d, null, 3d},
        {null, 3d, 3d, 3d, 2d, 3d, 4d, 2d, 2d, 5d, 1d, null},
        {1d, 2d, 3d, 3d, 2d, 4d, 4d, 1d, 2d, 5d, 1d, null},
    });

    /** Shrout &amp; Fleiss (1979) Table 2: 6 targets x 4 judges. */
    public static final Double[][] SHROUT_FLEISS_1979 = {
        {9d, 2d, 5d, 8d}, {6d, 1d, 3d, 2d}, {8d, 4d, 6d, 8d}, {7d, 1d, 2d, 6d}, {10d, 5d, 6d, 9d}, {6d, 2d, 4d, 7d},
    };

    public static Double[][] transpose(Double[][] m) {
        Double[][] t = new Double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** A two-coder label table from a contingency table: counts[i][j] units rated (labels[i], labels[j]). */
    public static RatingsTable fromContingency(String[] labels, int[][] counts) {
        RatingsTable.Builder b = RatingsTable.labelBuilder();
        int unit = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                for (int r = 0; r < counts[i][j]; r++) {
                    unit++;
                    b.label("u" + unit, "A", labels[i]).label("u" + unit, "B", labels[j]);
                }
            }
        }
        return b.build();
    }

    /** Reads a long CSV from the test resources. */
    public static RatingsTable resource(String name, Level level) {
        try (InputStream in = Tables.class.getResourceAsStream("/agreement/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /agreement/" + name);
            }
            return LongRatingsCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), name, level);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statistic -> (value, how) rows of an R-generated *.expected.csv; "NA" values are left out. */
    public static Map<String, String[]> expected(String name) {
        try (InputStream in = Tables.class.getResourceAsStream("/agreement/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(String.join("\n", lines)))) {
                result.put(r.get("statistic"), new String[] {r.get("value"), r.get("how")});
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

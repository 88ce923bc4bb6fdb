package org.earmark.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;

/**
 * Checks that a file's tables are exactly the ones its schema version creates. SQLite's integrity check passes a
 * file whose table definitions were damaged (a flipped bit in a column name); without this, such a file opens and
 * fails later with an SQL error — after Earmark has written to it.
 */
final class SchemaCheck {

    /**
     * SQLite's own {@code sqlite_sequence} is left out: whether a file has it depends on its history, not on the
     * schema. A v4 coder file keeps the empty one AUTOINCREMENT made in v1 (SQLite never drops it), while a copy of
     * it by VACUUM INTO (a backup, a rescued copy) has none, as no table of v4 asks for it. Both are the same file.
     */
    private static final String TABLES = "SELECT type, name, tbl_name, sql FROM sqlite_master"
            + " WHERE name <> 'sqlite_sequence' ORDER BY type, name";
    private static final Map<String, List<String>> REFERENCE = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    static void verify(Connection c, Schema schema, int version, Path file) throws SQLException {
        if (version < 1 || version > schema.currentVersion()) {
            return; // FileChecks has refused such a file already
        }
        List<String> expected = REFERENCE.computeIfAbsent(schema.kind() + "@" + version, k -> reference(schema, version));
        List<String> actual = tables(c);
        if (!expected.equals(actual)) {
            String difference = actual.stream().filter(t -> !expected.contains(t)).findFirst()
                    .map(t -> "unexpected " + t).orElseGet(() -> "missing " + expected.stream()
                            .filter(t -> !actual.contains(t)).findFirst().orElse("?"));
            throw new EarmarkException(Kind.UNUSABLE_FILE, file + " is damaged: its tables are not the ones Earmark"
                    + " made (" + abbreviate(difference) + "). Restore it from a backup; Earmark has not changed it.");
        }
    }

    /** The tables an empty file of this schema version has, made once in memory. */
    private static List<String> reference(Schema schema, int version) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (Migration m : schema.migrations().subList(0, version)) {
                m.apply(c);
            }
            return tables(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the " + schema.kind() + " schema cannot be built in memory", e);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " on " + rs.getString(3) + ": "
                        + Objects.toString(rs.getString(4), "(internal)"));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 160) + "…";
    }
}

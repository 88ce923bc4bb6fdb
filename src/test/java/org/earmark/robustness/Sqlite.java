package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/** Looks into a coder file with plain SQLite, independently of Earmark's own code. */
final class Sqlite {

    private Sqlite() {
    }

    /** A read-only connection: it recovers a write-ahead log left by a crash without checkpointing it. */
    static Connection readOnly(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("open_mode", "1");
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
    }

    static void assertIntegrityOk(Path file) throws SQLException {
        try (Connection c = readOnly(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1), "PRAGMA integrity_check of " + file);
        }
    }

    static Set<String> eventIds(Path file) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = readOnly(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM events")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}

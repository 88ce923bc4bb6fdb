package org.earmark.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One forward step of a file's schema: from {@code version - 1} to {@code version}. */
public record Migration(int version, String description, String... statements) {

    void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + version);
        }
    }
}

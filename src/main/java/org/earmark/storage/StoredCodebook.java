package org.earmark.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookException;
import org.earmark.codebook.CodebookLoader;
import org.earmark.core.EarmarkException;

/** The codebook kept inside an Earmark file: valid when it was stored, so a problem now means the file is damaged. */
final class StoredCodebook {

    private StoredCodebook() {
    }

    /** The codebook a file holds (a file holds exactly one). */
    static Codebook load(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT json FROM codebook")) {
            if (!rs.next()) {
                throw new EarmarkException(EarmarkException.Kind.UNUSABLE_FILE, file + " holds no codebook."
                        + " Restore it from a backup.");
            }
            return parse(rs.getString(1), file);
        }
    }

    static Codebook parse(String json, Path file) {
        if (json == null) {
            throw damaged(file, "it is empty");
        }
        try {
            return CodebookLoader.parse(json);
        } catch (CodebookException e) {
            throw damaged(file, e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).toString());
        }
    }

    private static EarmarkException damaged(Path file, String why) {
        return new EarmarkException(EarmarkException.Kind.UNUSABLE_FILE, file + " is damaged: the codebook stored in"
                + " it cannot be read (" + why + "). Restore it from a backup.");
    }
}

package org.earmark.io;

import static org.earmark.core.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A named table for export. Cells are {@link String}, {@link Number} or {@code null} (empty), so
 * numbers stay numbers in XLSX and are written plainly (no thousands separators) in CSV.
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            checkArgument(row.size() == columns.size(), "table %s: a row has %d cells for %d columns", name,
                    row.size(), columns.size());
        }
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        public Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = List.copyOf(columns);
        }

        public Builder(String name, String... columns) {
            this(name, Arrays.asList(columns));
        }

        public Builder row(Object... cells) {
            return row(Arrays.asList(cells));
        }

        public Builder row(List<Object> cells) {
            rows.add(new ArrayList<>(cells));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}

package org.earmark.io;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A named table for export. Cells are text, numbers or empty, so numbers stay numbers in XLSX and
 * are written plainly (no thousands separators) in CSV.
 *
 * <p>A table does not hold its rows as lists of boxed values: it writes them, cell by cell, into
 * whatever {@link Cells} a writer hands it. The Events table of a trial-sized study has 450,000
 * rows; producing them straight from the study data, once per format, costs neither a boxed copy
 * of every cell nor the garbage collection that copy brings.
 *
 * @param rowCount how many rows {@link #writeTo} writes (checked there)
 */
public record Table(String name, List<String> columns, int rowCount, Rows rows) {

    /** Where a table's cells go: row by row, left to right, each row closed by {@link #endRow()}. */
    public interface Cells {
        /** A text cell; {@code null} or {@code ""} is an empty cell. */
        void text(String value);

        /** A number; NaN and infinities (which neither format can hold) are an empty cell. */
        void number(double value);

        /** A whole number. */
        void number(long value);

        void empty();

        void endRow();
    }

    /** Writes every row of a table, in order. Called once for each format the table is written in. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Cells out);
    }

    public Table {
        checkNotNull(name, "table name");
        columns = List.copyOf(columns);
        checkArgument(rowCount >= 0, "table %s: row count must not be negative, was %d", name, rowCount);
        checkNotNull(rows, "rows of table " + name);
    }

    /**
     * Writes the rows into {@code out}, checking that each row has a cell for every column and that
     * there are as many rows as promised: a writer relies on both (a sheet's shape, a CSV's columns).
     */
    public void writeTo(Cells out) {
        Checked checked = new Checked(this, out);
        rows.writeTo(checked);
        checked.finish();
    }

    /** Forwards cells while counting them; a wrong count is a bug in the table, not in the data. */
    private static final class Checked implements Cells {
        private final Table table;
        private final Cells out;
        private final int width;
        private int cells;
        private int rows;

        Checked(Table table, Cells out) {
            this.table = table;
            this.out = out;
            this.width = table.columns.size();
        }

        @Override
        public void text(String value) {
            cells++;
            out.text(value);
        }

        @Override
        public void number(double value) {
            cells++;
            out.number(value);
        }

        @Override
        public void number(long value) {
            cells++;
            out.number(value);
        }

        @Override
        public void empty() {
            cells++;
            out.empty();
        }

        @Override
        public void endRow() {
            if (cells != width) {
                throw new IllegalStateException("table " + table.name + ": row " + (rows + 1) + " has " + cells
                        + " cells for " + width + " columns");
            }
            cells = 0;
            rows++;
            out.endRow();
        }

        void finish() {
            if (cells != 0 || rows != table.rowCount) {
                throw new IllegalStateException("table " + table.name + ": wrote " + rows + " rows (and " + cells
                        + " cells of an unfinished one), promised " + table.rowCount);
            }
        }
    }

    /** Builds a small table row by row from String, Double, Long, Integer or {@code null} cells. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();

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
            checkArgument(cells.size() == columns.size(), "table %s: a row has %d cells for %d columns", name,
                    cells.size(), columns.size());
            for (Object cell : cells) {
                checkArgument(cell == null || cell instanceof String || cell instanceof Double || cell instanceof Long
                        || cell instanceof Integer, "table %s: a cell must be a String, Double, Long, Integer or"
                        + " null, was %s", name,
                        cell == null ? null : cell.getClass().getSimpleName());
            }
            rows.add(cells.toArray());
            return this;
        }

        public Table build() {
            List<Object[]> frozen = List.copyOf(rows);
            return new Table(name, columns, frozen.size(), out -> {
                for (Object[] row : frozen) {
                    for (Object cell : row) {
                        write(cell, out);
                    }
                    out.endRow();
                }
            });
        }

        private static void write(Object cell, Cells out) {
            if (cell instanceof String s) {
                out.text(s);
            } else if (cell instanceof Double d) {
                out.number(d.doubleValue());
            } else if (cell instanceof Number n) {
                out.number(n.longValue());
            } else {
                out.empty();
            }
        }
    }
}

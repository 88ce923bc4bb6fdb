package org.earmark.io;

import java.util.ArrayList;
import java.util.List;

/** What a table writes, collected as rows of boxed cells ({@code null} for empty) to compare in tests. */
public final class TableCells {

    private TableCells() {
    }

    public static List<List<Object>> of(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        table.writeTo(new Table.Cells() {
            @Override
            public void text(String value) {
                row.add(value);
            }

            @Override
            public void number(double value) {
                row.add(value);
            }

            @Override
            public void number(long value) {
                row.add(value);
            }

            @Override
            public void empty() {
                row.add(null);
            }

            @Override
            public void endRow() {
                rows.add(new ArrayList<>(row));
                row.clear();
            }
        });
        return rows;
    }
}

package org.earmark.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes one table into a fastexcel worksheet as it streams by: a bold, frozen header row, then
 * the rows, handed to the workbook's zip in blocks so that the sheet never holds more than a block
 * of cells (fastexcel otherwise keeps every cell of a sheet as an object until the sheet ends).
 */
final class XlsxSheet implements Table.Cells {

    /**
     * Rows per block. fastexcel sizes the columns from the rows it holds when the first block goes
     * out, so the first block also decides the column widths: a few thousand rows give the widths
     * of the whole table for the regular columns of an export (ids, codes, times).
     */
    static final int BLOCK_ROWS = 4096;

    private final Worksheet sheet;
    private int row = 1;
    private int col;

    private XlsxSheet(Worksheet sheet) {
        this.sheet = sheet;
    }

    /** Writes the whole table into the sheet and finishes it. */
    static void write(Table table, Worksheet sheet) throws IOException {
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.value(0, c, table.columns().get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        try {
            table.writeTo(new XlsxSheet(sheet));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.finish();
    }

    /**
     * Text is written inline, not into the workbook's shared strings: sharing would keep a hash table
     * of every distinct value (half a million event ids and time stamps) and sort it when the
     * workbook ends, and measured no faster or smaller for the repeated values (recording ids,
     * coders, codes), which deflate compresses anyway. fastexcel writes inline text without
     * {@code xml:space="preserve"}, so text with space at either end, which a reader may trim, goes
     * to the shared strings, which keep it.
     */
    @Override
    public void text(String value) {
        if (value != null && !value.isEmpty()) {
            if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
                sheet.value(row, col, value);
            } else {
                sheet.inlineString(row, col, value);
            }
        }
        col++;
    }

    @Override
    public void number(double value) {
        if (Double.isFinite(value)) {
            sheet.value(row, col, value);
        }
        col++;
    }

    @Override
    public void number(long value) {
        sheet.value(row, col, value);
        col++;
    }

    @Override
    public void empty() {
        col++;
    }

    @Override
    public void endRow() {
        col = 0;
        row++;
        if (row % BLOCK_ROWS == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

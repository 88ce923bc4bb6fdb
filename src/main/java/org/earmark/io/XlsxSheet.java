package org.earmark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.earmark.core.EarmarkException;

/**
 * One table as a worksheet's XML, written as the rows stream by, straight to bytes: a bold,
 * frozen header row, then a row per table row. The markup is the one fastexcel writes (which
 * Excel, LibreOffice and the readers of R, SPSS and Stata open): cells carry their reference,
 * text is inline and ASCII (anything else as a character reference), numbers are as
 * {@link Double#toString} or {@link Long#toString} write them.
 *
 * <p>Column widths fit the header and the first {@value #FIRST_ROWS} rows, held until then, since
 * the widths come before the rows in the XML; after that, rows go out as they come.
 */
final class XlsxSheet implements Table.Cells {

    /** Rows seen before the column widths are fixed. */
    static final int FIRST_ROWS = 4096;
    /** Rows a sheet holds (Excel's limit), the header included. */
    static final int MAX_ROWS = 1_048_576;
    /** The style of the header cells: bold, the second cell format of {@link XlsxWorkbook}'s styles. */
    static final int BOLD = 1;
    private static final double DEFAULT_WIDTH = 8.88671875;
    private static final double MAX_WIDTH = 255;
    private static final int FLUSH_AT = 64 * 1024;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
            + "officeDocument/2006/relationships\"><sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\""
            + " autoPageBreaks=\"false\"/></sheetPr><dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"topLeft\" activeCell=\"A1\" activeCellId=\"0\" sqref=\"A1\"/><selection"
            + " pane=\"bottomLeft\" activeCell=\"A2\" activeCellId=\"0\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15.0\"/>";
    private static final String TAIL = "</sheetData><pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\""
            + " left=\"0.7\" right=\"0.7\" top=\"0.75\"/></worksheet>";

    private static final byte[] ROW_START = asciiBytes("<row r=\"");
    private static final byte[] ROW_END = asciiBytes("</row>");
    private static final byte[] CELL_START = asciiBytes("<c r=\"");
    private static final byte[] TEXT = asciiBytes("\" t=\"inlineStr\"><is><t>");
    private static final byte[] SPACED_TEXT = asciiBytes("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] HEADER_TEXT = asciiBytes("\" s=\"" + BOLD + "\" t=\"inlineStr\"><is><t>");
    private static final byte[] SPACED_HEADER_TEXT = asciiBytes("\" s=\"" + BOLD
            + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_END = asciiBytes("</t></is></c>");
    private static final byte[] NUMBER = asciiBytes("\" t=\"n\"><v>");
    private static final byte[] NUMBER_END = asciiBytes("</v></c>");

    private final OutputStream out;
    private final byte[][] columnRefs;
    /** Longest text of each column so far, in characters, until the widths are written. */
    private final int[] longest;
    private byte[] buf = new byte[FLUSH_AT + 1024];
    private int n;
    private int row = 1;
    private int col;
    private byte[] rowRef = asciiBytes("1");
    private boolean rowOpen;
    private boolean widthsWritten;

    private XlsxSheet(OutputStream out, int columns) {
        this.out = out;
        this.columnRefs = new byte[columns][];
        for (int c = 0; c < columns; c++) {
            columnRefs[c] = asciiBytes(columnName(c));
        }
        this.longest = new int[columns];
    }

    /** Writes the table as a complete worksheet part. */
    static void write(Table table, OutputStream out) throws IOException {
        if (table.rowCount() >= MAX_ROWS) {
            throw EarmarkException.badInput("The " + table.name() + " table has " + table.rowCount()
                    + " rows; a spreadsheet sheet holds " + (MAX_ROWS - 1) + " below its header."
                    + " Export it as CSV instead.");
        }
        XlsxSheet sheet = new XlsxSheet(out, table.columns().size());
        sheet.header(table.columns());
        try {
            table.writeTo(sheet);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.end();
    }

    /** A, B, …, Z, AA, AB, …: a column's letters in a cell reference. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int c = index + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private void header(List<String> columns) {
        for (String name : columns) {
            inline(name, HEADER_TEXT, SPACED_HEADER_TEXT);
            col++;
        }
        endRow();
    }

    @Override
    public void text(String value) {
        if (value != null && !value.isEmpty()) {
            inline(value, TEXT, SPACED_TEXT);
        }
        col++;
    }

    @Override
    public void number(double value) {
        if (Double.isFinite(value)) {
            number(Double.toString(value));
        }
        col++;
    }

    @Override
    public void number(long value) {
        number(Long.toString(value));
        col++;
    }

    @Override
    public void empty() {
        col++;
    }

    /** Ends the row; a row of empty cells is left out, as fastexcel leaves it out. */
    @Override
    public void endRow() {
        if (rowOpen) {
            bytes(ROW_END);
            rowOpen = false;
        }
        col = 0;
        row++;
        rowRef = asciiBytes(Integer.toString(row));
        if (row == FIRST_ROWS + 2) {
            writeWidths();
        }
        if (widthsWritten && n >= FLUSH_AT) {
            flush();
        }
    }

    private void end() throws IOException {
        if (!widthsWritten) {
            writeWidths();
        }
        ascii(TAIL);
        flush();
    }

    private void number(String text) {
        cellStart(NUMBER);
        ascii(text);
        bytes(NUMBER_END);
        fit(text.length());
    }

    /** Opens the row at its first cell, then the cell up to its value. */
    private void cellStart(byte[] attributes) {
        if (!rowOpen) {
            bytes(ROW_START);
            bytes(rowRef);
            ascii("\">");
            rowOpen = true;
        }
        bytes(CELL_START);
        bytes(columnRefs[col]);
        bytes(rowRef);
        bytes(attributes);
    }

    /** Inline text; space at either end is kept, which a reader may otherwise trim. */
    private void inline(String text, byte[] plain, byte[] spaced) {
        boolean keepSpace = Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        cellStart(keepSpace ? spaced : plain);
        escaped(text);
        bytes(TEXT_END);
        fit(text.length());
    }

    private void fit(int length) {
        if (!widthsWritten && length > longest[col]) {
            longest[col] = length;
        }
    }

    /** The rows so far are held in the buffer: put the sheet's head and column widths before them. */
    private void writeWidths() {
        StringBuilder head = new StringBuilder(HEAD);
        StringBuilder cols = new StringBuilder();
        for (int c = 0; c < longest.length; c++) {
            // fastexcel's fit: about 7 pixels a character and 10 of padding, in 1/256 of a character.
            double width = Math.min(MAX_WIDTH, (int) ((longest[c] * 7 + 10) / 7.0 * 256) / 256.0);
            if (width > DEFAULT_WIDTH) {
                cols.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                        .append(width).append("\" outlineLevel=\"0\" customWidth=\"true\" bestFit=\"true\"/>");
            }
        }
        if (!cols.isEmpty()) {
            head.append("<cols>").append(cols).append("</cols>");
        }
        head.append("<sheetData>");
        byte[] held = Arrays.copyOf(buf, n);
        n = 0;
        ascii(head.toString());
        bytes(held);
        widthsWritten = true;
    }

    private void flush() {
        try {
            out.write(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        n = 0;
    }

    private void room(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }

    private void ascii(String s) {
        int length = s.length();
        room(length);
        for (int i = 0; i < length; i++) {
            buf[n++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    /**
     * XML-escaped, as fastexcel escapes: the five markup characters by name, anything outside
     * printable ASCII as a character reference, characters XML 1.0 cannot hold left out.
     */
    private void escaped(String s) {
        int length = s.length();
        room(length);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '<' && c != '>' && c != '&' && c != '\'' && c != '"') {
                buf[n++] = (byte) c; // room was made for every character to be one byte
                continue;
            }
            int point = s.codePointAt(i);
            if (Character.charCount(point) == 2) {
                i++;
            }
            ascii(switch (point) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                default -> allowedInXml(point) ? "&#x" + Integer.toHexString(point) + ";" : "";
            });
            room(length - i); // the escape used up room meant for the characters after it
        }
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
                || (c >= 0x10000 && c <= 0x10ffff);
    }

    private static byte[] asciiBytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}

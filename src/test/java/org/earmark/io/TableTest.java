package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void aBuiltTableWritesItsCellsByType() {
        Table t = new Table.Builder("T", "a", "b", "c", "d").row("x", 1.5, 7L, null).row("", 2.0, 3, "y").build();
        assertEquals(2, t.rowCount());
        List<List<Object>> rows = TableCells.of(t);
        assertEquals(java.util.Arrays.asList("x", 1.5, 7L, null), rows.get(0));
        assertEquals(java.util.Arrays.asList("", 2.0, 3L, "y"), rows.get(1), "an Integer is written as a whole number");
    }

    @Test
    void aRowOfTheWrongWidthOrACellOfAnotherTypeIsRefusedByTheBuilder() {
        Table.Builder b = new Table.Builder("T", "a", "b");
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> b.row("x", "y", "z"));
        assertTrue(wide.getMessage().contains("3 cells for 2 columns"), wide.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> b.row("x", BigDecimal.ONE));
        assertTrue(odd.getMessage().contains("BigDecimal"), odd.getMessage());
    }

    @Test
    void aStreamedTableThatBreaksItsShapeFailsWhileWriting() {
        Table shortRow = new Table("S", List.of("a", "b"), 1, out -> {
            out.text("only one");
            out.endRow();
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TableCells.of(shortRow));
        assertTrue(e.getMessage().contains("S: row 1 has 1 cells for 2 columns"), e.getMessage());
        Table fewerRows = new Table("F", List.of("a"), 2, out -> {
            out.number(1L);
            out.endRow();
        });
        IllegalStateException f = assertThrows(IllegalStateException.class, () -> TableCells.of(fewerRows));
        assertTrue(f.getMessage().contains("wrote 1 rows") && f.getMessage().contains("promised 2"), f.getMessage());
    }
}

package org.earmark.ui.study.shared;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns of text, as the lead screens show them. */
public final class Tables {

    private Tables() {
    }

    public static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setPrefWidth(Math.max(70, title.length() * 8 + 28));
        column.setMinWidth(Math.min(160, title.length() * 8 + 24));
        return column;
    }

    /** The same column, wider than its title needs (for labels and intervals). */
    public static <R, T> TableColumn<R, T> wide(TableColumn<R, T> column, double width) {
        column.setPrefWidth(width);
        return column;
    }

    /** A column of numbers or short values, aligned right. */
    public static <R> TableColumn<R, String> number(String title, Function<R, String> value) {
        TableColumn<R, String> column = column(title, value);
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }
}

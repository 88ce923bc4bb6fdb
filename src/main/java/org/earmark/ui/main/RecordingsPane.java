package org.earmark.ui.main;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.earmark.model.RecordingStatus;

/**
 * The open file's recordings: anonymised id, duration, status (a symbol as well as a word) and
 * number of events, and how many are done. Choosing one opens it for coding.
 */
final class RecordingsPane extends VBox {

    RecordingsPane(MainViewModel model, ResourceBundle text) {
        double em = javafx.scene.text.Font.getDefault().getSize();
        setId("recordings-pane");
        setSpacing(6);
        setPadding(new Insets(8, 0, 8, 8));
        setMinWidth(em * 14);
        setPrefWidth(em * 28);
        Label title = new Label(text.getString("recordings.title"));
        title.getStyleClass().add("title-4");

        TableView<RecordingRow> table = new TableView<>(model.recordings());
        table.setId("recordings");
        Label empty = new Label(text.getString("main.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RecordingRow, String> status = column(text.getString("column.status"),
                r -> model.statusText(r.status()));
        status.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                RecordingRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : item);
                setGraphic(row == null ? null : symbol(row.status()));
            }
        });
        TableColumn<RecordingRow, String> idColumn = column(text.getString("column.recording"), RecordingRow::id);
        TableColumn<RecordingRow, String> duration = column(text.getString("column.duration"), RecordingRow::duration);
        TableColumn<RecordingRow, String> events = column(text.getString("column.events"),
                r -> Integer.toString(r.events()));
        idColumn.setPrefWidth(em * 6);
        idColumn.setMinWidth(em * 5.5); // the id is what the coder goes by: never "R-HR…" on a narrow window
        duration.setPrefWidth(em * 5);
        status.setPrefWidth(em * 9);
        events.setPrefWidth(em * 4.5);
        table.getColumns().add(idColumn);
        table.getColumns().add(duration);
        table.getColumns().add(status);
        table.getColumns().add(events);
        VBox.setVgrow(table, Priority.ALWAYS);

        // Only the coder's click chooses a recording: the table also moves its selection by itself when
        // a row is replaced (its event count changed), and that must not open another recording.
        table.setOnMouseClicked(e -> {
            RecordingRow now = table.getSelectionModel().getSelectedItem();
            if (now != null) {
                model.select(now.id());
            }
        });
        Runnable show = () -> {
            String id = model.selectedRecordingProperty().get();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(id)) {
                    if (table.getSelectionModel().getSelectedIndex() != i) {
                        table.getSelectionModel().clearAndSelect(i);
                    }
                    return;
                }
            }
            table.getSelectionModel().clearSelection();
        };
        model.selectedRecordingProperty().addListener((obs, was, now) -> show.run());
        model.recordings().addListener((javafx.collections.ListChangeListener<RecordingRow>) c -> show.run());

        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add("text-muted");
        progress.textProperty().bind(model.progressTextProperty());
        getChildren().addAll(title, table, progress);
    }

    /** Not started ○, in progress ◐, done ✓: the status is told by shape, not colour. */
    private static Label symbol(RecordingStatus s) {
        Label l = new Label(switch (s) {
            case NOT_STARTED -> "\u25cb";
            case IN_PROGRESS -> "\u25d0";
            case DONE -> "\u2713";
        });
        l.getStyleClass().addAll("status-symbol", s.storedName().replace('_', '-'));
        return l;
    }

    private static TableColumn<RecordingRow, String> column(String title, Function<RecordingRow, String> value) {
        TableColumn<RecordingRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }
}

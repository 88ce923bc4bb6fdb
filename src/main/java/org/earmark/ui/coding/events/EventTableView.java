package org.earmark.ui.coding.events;

import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import org.earmark.model.Event;

/**
 * The recording's events in time order: time, end (spans), code and note, each editable in place.
 * Selecting a row selects the event everywhere and moves the playhead to it.
 */
public final class EventTableView extends TableView<Event> {

    private final TableColumn<Event, String> note;
    public EventTableView(EventTableViewModel model, ObjectProperty<UUID> selected, Consumer<UUID> selectAndSeek,
            ResourceBundle text) {
        super(model.events());
        setId("events");
        setEditable(true);
        setPlaceholder(new Label(text.getString("events.empty")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<Event, String> time = column(text.getString("column.time"), EventTableViewModel::time);
        time.setId("col-time");
        time.setCellFactory(TextFieldTableCell.forTableColumn());
        time.setOnEditCommit(e -> model.editTime(e.getRowValue(), e.getNewValue()));
        fixedWidth(time);

        TableColumn<Event, String> end = column(text.getString("column.end"), EventTableViewModel::end);
        end.setId("col-end");
        end.setCellFactory(TextFieldTableCell.forTableColumn());
        end.setOnEditCommit(e -> model.editEnd(e.getRowValue(), e.getNewValue()));
        fixedWidth(end);

        TableColumn<Event, String> code = column(text.getString("column.code"), Event::code);
        code.setId("col-code");
        code.setCellFactory(col -> new ComboBoxTableCell<>() {
            @Override
            public void startEdit() {
                Event row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getItems().setAll(FXCollections.observableArrayList(model.codesFor(row)));
                }
                super.startEdit();
            }
        });
        code.setOnEditCommit(e -> model.editCode(e.getRowValue(), e.getNewValue()));
        fixedWidth(code);

        note = column(text.getString("column.note"), Event::note);
        note.setId("col-note");
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setOnEditCommit(e -> model.editNote(e.getRowValue(), e.getNewValue()));

        getColumns().add(time);
        getColumns().add(end);
        getColumns().add(code);
        getColumns().add(note);

        // Only the coder's click selects here: the table also moves its selection by itself when rows
        // are replaced (an event moved or re-coded), and that must not select another event.
        setOnMouseClicked(e -> {
            Event now = getSelectionModel().getSelectedItem();
            if (now != null && !now.id().equals(selected.get())) {
                selectAndSeek.accept(now.id());
            }
        });
        selected.addListener((obs, was, now) -> show(now));
        model.events().addListener((ListChangeListener<Event>) c -> show(selected.get()));
    }

    /** Puts the selection on the event's row and scrolls to it. */
    private void show(UUID id) {
        int row = -1;
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).id().equals(id)) {
                row = i;
            }
        }
        if (row < 0) {
            getSelectionModel().clearSelection();
        } else if (getSelectionModel().getSelectedIndex() != row) {
            getSelectionModel().clearAndSelect(row);
            scrollTo(Math.max(0, row - 3));
        }
    }

    /** Starts editing the note of the selected event (Enter). */
    public void editNote() {
        int row = getSelectionModel().getSelectedIndex();
        if (row >= 0) {
            requestFocus();
            edit(row, note);
        }
    }

    /** Times and codes take what they need; the note gets the rest. */
    private static void fixedWidth(TableColumn<Event, String> c) {
        double em = javafx.scene.text.Font.getDefault().getSize();
        c.setMinWidth(em * 5.5);
        c.setPrefWidth(em * 6.5);
        c.setMaxWidth(em * 8);
    }

    private static TableColumn<Event, String> column(String title, Function<Event, String> value) {
        TableColumn<Event, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }
}

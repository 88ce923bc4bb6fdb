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
        time.setCellFactory(col -> new TextCell());
        time.setOnEditCommit(e -> model.editTime(e.getRowValue(), e.getNewValue()));
        fixedWidth(time);

        TableColumn<Event, String> end = column(text.getString("column.end"), EventTableViewModel::end);
        end.setId("col-end");
        end.setCellFactory(col -> new TextCell());
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
        note.setCellFactory(col -> new TextCell());
        note.setOnEditCommit(e -> model.editNote(e.getRowValue(), e.getNewValue()));

        // A cell edits on a double-click or Enter, not on a single click on the selected row: a coder who clicked
        // the selected event, pressed Enter to write a note and typed found the time editor closed by the Enter and
        // the note's letters pressed as code keys.
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> editAsked = e.getClickCount() >= 2);
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
            editAsked = true;
            edit(row, note);
        }
    }

    /** Whether the coder asked for an edit (a double-click, Enter), rather than clicking a row already selected. */
    private boolean editAsked;

    /**
     * A text cell that edits only when asked and keeps what was typed when the coder clicks elsewhere (another row,
     * another recording) instead of pressing Enter, as text fields do; Escape still cancels.
     */
    private final class TextCell extends TextFieldTableCell<Event, String> {
        private boolean listening;

        TextCell() {
            super(new javafx.util.converter.DefaultStringConverter());
        }

        @Override
        public void startEdit() {
            if (!editAsked) {
                // The table already marked this cell as the one being edited; undo that too, or keys would be
                // held back from the code keys for an editor that is not there.
                if (getTableView() != null && getTableView().getEditingCell() != null) {
                    getTableView().edit(-1, null);
                }
                return;
            }
            super.startEdit();
            if (isEditing() && getGraphic() instanceof javafx.scene.control.TextField field && !listening) {
                listening = true;
                field.focusedProperty().addListener((obs, had, has) -> {
                    if (!has && isEditing()) {
                        commitEdit(field.getText());
                    }
                });
            }
        }

        @Override
        public void commitEdit(String value) {
            editAsked = false;
            super.commitEdit(value);
        }

        @Override
        public void cancelEdit() {
            editAsked = false;
            super.cancelEdit();
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

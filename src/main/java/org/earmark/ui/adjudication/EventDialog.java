package org.earmark.ui.adjudication;

import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.model.NewEvent;

/** The lead's own version of a disputed event; {@link EventForm} validates, the dialog wires. */
final class EventDialog extends Dialog<EventDialog.Answer> {

    /** The dialog's answer: an event, or {@code null} for "no event". */
    record Answer(NewEvent event) {
    }

    EventDialog(Window owner, EventForm form, Codebook codebook, ResourceBundle text) {
        initOwner(owner);
        setTitle(text.getString("adjudication.edit.title"));
        setHeaderText(text.getString("adjudication.edit.header"));
        getDialogPane().setId("edit-dialog");
        ComboBox<EventCode> code = new ComboBox<>();
        code.setId("edit-code");
        code.getItems().setAll(EventForm.choices(codebook));
        code.setCellFactory(l -> cell(text));
        code.setButtonCell(cell(text));
        code.valueProperty().bindBidirectional(form.codeProperty());
        TextField start = new TextField();
        start.setId("edit-start");
        start.textProperty().bindBidirectional(form.startProperty());
        TextField end = new TextField();
        end.setId("edit-end");
        end.textProperty().bindBidirectional(form.endProperty());
        end.disableProperty().bind(form.spanProperty().not());
        TextField note = new TextField();
        note.setId("edit-note");
        note.textProperty().bindBidirectional(form.noteProperty());
        Label problem = new Label();
        problem.setId("edit-problem");
        problem.textProperty().bind(form.problem());
        problem.setStyle("-fx-text-fill: #cf222e;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text.getString("adjudication.edit.code")), code);
        grid.addRow(1, new Label(text.getString("adjudication.edit.start")), start);
        grid.addRow(2, new Label(text.getString("adjudication.edit.end")), end);
        grid.addRow(3, new Label(text.getString("adjudication.edit.note")), note);
        grid.add(problem, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.validProperty().not());
        setResultConverter(b -> b == ButtonType.OK ? new Answer(form.result()) : null);
    }

    private static ListCell<EventCode> cell(ResourceBundle text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(EventCode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : EventForm.describe(item, text));
            }
        };
    }
}

package org.earmark.ui.study;

import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for coders, the double-coded share and the seed; the form validates, the dialog only wires. */
final class AssignDialog extends Dialog<AssignForm.Request> {

    AssignDialog(Window owner, AssignForm form, ResourceBundle text) {
        initOwner(owner);
        setTitle(text.getString("study.assign.title"));
        setHeaderText(text.getString("study.assign.header"));
        getDialogPane().setId("assign-dialog");
        TextField coders = new TextField();
        coders.setId("assign-coders");
        coders.setPromptText(text.getString("study.assign.codersPrompt"));
        coders.textProperty().bindBidirectional(form.codersProperty());
        Spinner<Double> share = new Spinner<>(0.0, 100.0, form.sharePercentProperty().get(), 5.0);
        share.setId("assign-share");
        share.setEditable(true);
        share.valueProperty().addListener((o, old, now) -> form.sharePercentProperty().set(now == null ? -1 : now));
        TextField seed = new TextField();
        seed.setId("assign-seed");
        seed.textProperty().bindBidirectional(form.seedProperty());
        Label problem = new Label();
        problem.setId("assign-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problem());
        problem.setStyle("-fx-text-fill: #cf222e;");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text.getString("study.assign.coders")), coders);
        grid.addRow(1, new Label(text.getString("study.assign.share")), share);
        grid.addRow(2, new Label(text.getString("study.assign.seed")), seed);
        grid.add(problem, 0, 3, 2, 1);
        Label note = new Label(text.getString("study.assign.note"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        grid.add(note, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.validProperty().not());
        setResultConverter(b -> b == ButtonType.OK ? form.request() : null);
    }
}

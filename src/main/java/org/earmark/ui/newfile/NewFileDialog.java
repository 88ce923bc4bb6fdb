package org.earmark.ui.newfile;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks for the audio files, codebook, coder name and file name of a new coder file. */
public final class NewFileDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final NewFileViewModel model;

    public NewFileDialog(Window owner, NewFileViewModel model, ResourceBundle text) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("newfile.title"));
        dialog.setHeaderText(text.getString("newfile.header"));
        dialog.getDialogPane().setId("new-file-dialog");

        ListView<java.nio.file.Path> audio = new ListView<>(model.audio());
        audio.setPrefHeight(140);
        audio.setPlaceholder(new Label(text.getString("newfile.noAudio")));
        Button addAudio = new Button(text.getString("newfile.addAudio"));
        addAudio.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.getString("newfile.addAudio"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.audio"),
                    "*.wav", "*.mp3", "*.m4a", "*.WAV", "*.MP3", "*.M4A"));
            List<File> files = chooser.showOpenMultipleDialog(dialog.getDialogPane().getScene().getWindow());
            if (files != null) {
                model.addAudio(files.stream().map(File::toPath).toList());
            }
        });

        TextField codebook = new TextField();
        codebook.setEditable(false);
        codebook.textProperty().bind(Bindings.createStringBinding(() -> model.codebookProperty().get() == null ? ""
                : model.codebookProperty().get().toString(), model.codebookProperty()));
        Button chooseCodebook = new Button(text.getString("newfile.chooseCodebook"));
        chooseCodebook.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.codebook"),
                    "*.json"));
            File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                model.codebookProperty().set(f.toPath());
            }
        });

        TextField coder = new TextField();
        coder.textProperty().bindBidirectional(model.coderProperty());

        TextField target = new TextField();
        target.setEditable(false);
        target.textProperty().bind(Bindings.createStringBinding(() -> model.targetProperty().get() == null ? ""
                : model.targetProperty().get().toString(), model.targetProperty()));
        Button chooseTarget = new Button(text.getString("newfile.saveAs"));
        chooseTarget.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.coderFiles"),
                    "*.earmark"));
            chooser.setInitialFileName("coding.earmark");
            File f = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                model.setTarget(f.toPath());
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text.getString("newfile.audio")), audio, addAudio);
        grid.addRow(1, new Label(text.getString("newfile.codebook")), codebook, chooseCodebook);
        grid.addRow(2, new Label(text.getString("newfile.coder")), coder);
        grid.addRow(3, new Label(text.getString("newfile.file")), target, chooseTarget);
        Label note = new Label(text.getString("newfile.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.setMaxWidth(560);
        grid.add(note, 0, 4, 3, 1);
        HBox.setHgrow(audio, javafx.scene.layout.Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.completeProperty().not());
    }

    public Optional<NewFileViewModel.Request> ask() {
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> model.request());
    }
}

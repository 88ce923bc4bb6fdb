package org.earmark.ui.main;

import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.earmark.ui.common.Settings;

/** Sets how far before the playhead a key press tags (0 to 3 s in tenths). */
final class ReactionOffsetDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Spinner<Double> seconds;
    private final Settings settings;

    ReactionOffsetDialog(Window owner, Settings settings, ResourceBundle text) {
        this.settings = settings;
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("offset.title"));
        dialog.setHeaderText(text.getString("offset.header"));
        dialog.getDialogPane().setId("offset-dialog");
        seconds = new Spinner<>(0.0, 3.0, settings.reactionOffsetMsProperty().get() / 1000.0, 0.1);
        seconds.setId("offset-seconds");
        seconds.setEditable(true);
        Label explain = new Label(text.getString("offset.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(8, explain, seconds));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    }

    void ask() {
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b ->
                settings.reactionOffsetMsProperty().set(Math.round(seconds.getValue() * 1000)));
    }
}

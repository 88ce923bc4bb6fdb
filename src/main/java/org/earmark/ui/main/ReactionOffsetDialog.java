package org.earmark.ui.main;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.earmark.ui.common.Settings;

/**
 * Sets how far before the playhead a key press tags (0 to 3 s in tenths). What is typed is checked as it is typed:
 * anything but a number of seconds from 0 to 3 says so under the field and keeps OK disabled (typed text went to
 * the spinner's parser, whose exception left the dialog open without a word, and -2 became 0 unsaid).
 */
final class ReactionOffsetDialog {

    static final double MAX_SECONDS = 3.0;

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Spinner<Double> seconds;
    private final Settings settings;

    ReactionOffsetDialog(Window owner, Settings settings, ResourceBundle text) {
        this.settings = settings;
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("offset.title"));
        dialog.setHeaderText(text.getString("offset.header"));
        dialog.getDialogPane().setId("offset-dialog");
        seconds = new Spinner<>(0.0, MAX_SECONDS, settings.reactionOffsetMsProperty().get() / 1000.0, 0.1);
        seconds.setId("offset-seconds");
        seconds.setEditable(true);
        seconds.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
            }

            @Override
            public Double fromString(String typed) {
                Double value = parse(typed);
                return value == null ? seconds.getValue() : value;
            }
        });
        Label explain = new Label(text.getString("offset.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(420);
        Label problem = new Label();
        problem.setId("offset-problem");
        problem.getStyleClass().add("danger");
        BooleanBinding invalid = Bindings.createBooleanBinding(() -> parse(seconds.getEditor().getText()) == null,
                seconds.getEditor().textProperty());
        problem.textProperty().bind(Bindings.when(invalid).then(text.getString("offset.invalid")).otherwise(""));
        dialog.getDialogPane().setContent(new VBox(8, explain, seconds, problem));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(invalid);
    }

    /** Seconds from 0 to 3, with a point or a comma; {@code null} for anything else. */
    static Double parse(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.strip().replace(',', '.'));
            return Double.isFinite(value) && value >= 0 && value <= MAX_SECONDS ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void ask() {
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            Double value = parse(seconds.getEditor().getText());
            settings.reactionOffsetMsProperty().set(Math.round((value == null ? seconds.getValue() : value) * 1000));
        });
    }
}

package org.earmark.ui.coding.guide;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The guide's card, at the foot of the coding view; it leaves the view usable so the coder can try each step.
 * It only wires; the steps are in {@link GuideViewModel}.
 */
public final class GuideView extends StackPane {

    public GuideView(GuideViewModel model, ResourceBundle text) {
        setId("guide");
        setPickOnBounds(false);
        visibleProperty().bind(model.showingProperty());
        managedProperty().bind(visibleProperty());

        Label count = new Label();
        count.setId("guide-step");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(text.getString("guide.step"),
                model.stepProperty().get().ordinal() + 1, GuideViewModel.Step.values().length), model.stepProperty()));
        Label title = new Label();
        title.setId("guide-title");
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> text.getString(model.stepProperty().get().key() + ".title"), model.stepProperty()));
        Label body = new Label();
        body.setId("guide-text");
        body.setWrapText(true);
        body.textProperty().bind(Bindings.createStringBinding(
                () -> text.getString(model.stepProperty().get().key() + ".text"), model.stepProperty()));
        Label hint = new Label(text.getString("guide.hint"));
        hint.getStyleClass().addAll("text-muted", "text-small");

        Button skip = button(text.getString("guide.skip"), "guide-skip", model::skip);
        skip.getStyleClass().add("flat");
        Button back = button(text.getString("guide.back"), "guide-back", model::back);
        back.disableProperty().bind(model.stepProperty().isEqualTo(GuideViewModel.Step.PLAY));
        Button next = button(text.getString("guide.next"), "guide-next", model::next);
        next.getStyleClass().add("accent");
        next.textProperty().bind(Bindings.when(model.stepProperty().isEqualTo(GuideViewModel.Step.DONE))
                .then(text.getString("guide.finish")).otherwise(text.getString("guide.next")));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, skip, gap, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, count, title, body, hint, buttons);
        card.getStyleClass().add("guide-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setPrefWidth(460);
        StackPane.setAlignment(card, Pos.BOTTOM_LEFT);
        getChildren().add(card);
    }

    private static Button button(String label, String id, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setFocusTraversable(false); // Space stays play/pause
        b.setOnAction(e -> action.run());
        return b;
    }
}

package org.earmark.ui.coding.ratings;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.earmark.codebook.RatingScale;

/** One row of buttons per global rating; the chosen value's anchor text is shown under it. */
public final class RatingsPanel extends VBox {

    private final RatingsViewModel model;
    private final ResourceBundle text;

    public RatingsPanel(RatingsViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        setId("ratings");
        setSpacing(4);
        model.scales().addListener((ListChangeListener<RatingScale>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        if (model.scales().isEmpty()) {
            return;
        }
        Label title = new Label(text.getString("ratings.title"));
        title.getStyleClass().add("title-4");
        getChildren().add(title);
        for (RatingScale scale : model.scales()) {
            getChildren().add(scaleRow(scale));
        }
    }

    private VBox scaleRow(RatingScale scale) {
        ObjectProperty<Integer> value = model.valueProperty(scale.id());
        Label label = new Label(scale.label());
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox(4);
        for (int v = scale.min(); v <= scale.max(); v++) {
            int chosen = v;
            ToggleButton b = new ToggleButton(Integer.toString(v));
            b.setId("rating-" + scale.id() + "-" + v);
            b.setToggleGroup(group);
            b.setFocusTraversable(false);
            b.setUserData(v);
            String anchor = scale.anchors().getOrDefault(v, "");
            b.setTooltip(new Tooltip(v + ": " + anchor));
            b.setOnAction(e -> model.rate(scale.id(), b.isSelected() ? chosen : null));
            buttons.getChildren().add(b);
        }
        Label anchor = new Label();
        anchor.setId("rating-" + scale.id() + "-anchor");
        anchor.setWrapText(true);
        anchor.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        anchor.getStyleClass().add("text-muted");
        Runnable show = () -> {
            Integer v = value.get();
            group.getToggles().forEach(t -> t.setSelected(v != null && v.equals(t.getUserData())));
            anchor.setText(v == null ? MessageFormat.format(text.getString("ratings.none"), scale.min(), scale.max())
                    : v + ": " + scale.anchors().getOrDefault(v, ""));
        };
        value.addListener((obs, was, now) -> show.run());
        show.run();
        return new VBox(3, label, buttons, anchor);
    }
}

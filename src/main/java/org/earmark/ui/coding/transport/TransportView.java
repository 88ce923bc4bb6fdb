package org.earmark.ui.coding.transport;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The transport bar: recording id, jump back, play/pause, jump forward, time, speed and what the
 * last key did. Its buttons never take the keyboard focus; the keys work everywhere in the view.
 */
public final class TransportView extends HBox {

    public TransportView(TransportViewModel model, ObservableStringValue recordingId, ObservableStringValue hint,
            ResourceBundle text) {
        setId("transport");
        getStyleClass().add("transport");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        Label id = new Label();
        id.setId("recording-id");
        id.getStyleClass().addAll("title-4", "recording-id");
        id.textProperty().bind(recordingId);

        Button back = button("transport.back", "back-5", text);
        back.setOnAction(e -> model.jumpBy(-5_000));
        Button play = button("transport.play", "play", text);
        play.textProperty().bind(Bindings.when(model.playingProperty()).then(text.getString("transport.pause"))
                .otherwise(text.getString("transport.play")));
        play.getStyleClass().add("accent");
        play.setOnAction(e -> model.togglePlay());
        Button forward = button("transport.forward", "forward-5", text);
        forward.setOnAction(e -> model.jumpBy(5_000));

        Label time = new Label();
        time.setId("time");
        time.getStyleClass().add("time");
        time.textProperty().bind(model.timeText());

        Button slower = button("transport.slower", "slower", text);
        slower.setOnAction(e -> model.slower());
        Label rate = new Label();
        rate.setId("rate");
        rate.getStyleClass().add("rate");
        rate.textProperty().bind(model.rateText());
        Button faster = button("transport.faster", "faster", text);
        faster.setOnAction(e -> model.faster());

        Label silent = new Label(text.getString("transport.silent"));
        silent.setId("silent");
        silent.getStyleClass().add("silent-badge");
        silent.visibleProperty().bind(model.readyProperty().and(model.audibleProperty().not()));
        silent.managedProperty().bind(silent.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label last = new Label();
        last.setId("hint");
        last.getStyleClass().add("text-muted");
        last.textProperty().bind(hint);
        last.setMinWidth(0);

        for (Button b : new Button[] {back, play, forward, slower, faster}) {
            b.disableProperty().bind(model.readyProperty().not());
        }
        // Only the hint gives way when the bar is short of room: a long hint squeezed the time and the buttons
        // into "…", and a clipped time misreads.
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {id, back, play, forward, time, slower,
            rate, faster, silent}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(id, back, play, forward, time, slower, rate, faster, silent, spacer, last);
    }

    private static Button button(String key, String id, ResourceBundle text) {
        Button b = new Button(text.getString(key));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(text.getString(key + ".tip")));
        return b;
    }
}

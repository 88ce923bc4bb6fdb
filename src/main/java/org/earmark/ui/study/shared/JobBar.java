package org.earmark.ui.study.shared;

import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.earmark.ui.common.Background;

/**
 * A status line for long work: what is being done, a progress bar and a Cancel button, shown while
 * a view model's job runs, and the view model's status text otherwise. Used by every lead screen.
 */
public final class JobBar extends HBox {

    public JobBar(ObjectProperty<Background.Job<?>> job, ObservableValue<String> status, ResourceBundle text,
            String idPrefix) {
        super(8);
        Label message = new Label();
        message.setId(idPrefix + "-status");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.setPrefWidth(220);
        Runnable rebind = () -> {
            Background.Job<?> now = job.get();
            message.textProperty().bind(now == null ? status : now.messageProperty());
            if (now == null) {
                bar.progressProperty().unbind();
                bar.setProgress(0);
            } else {
                bar.progressProperty().bind(now.progressProperty());
            }
        };
        job.addListener((o, old, now) -> rebind.run());
        rebind.run();
        Button cancel = new Button(text.getString("study.job.cancel"));
        cancel.setId(idPrefix + "-cancel");
        cancel.setOnAction(e -> {
            Background.Job<?> running = job.get();
            if (running != null) {
                running.cancel();
            }
        });
        for (var node : new javafx.scene.Node[] {bar, cancel}) {
            node.visibleProperty().bind(job.isNotNull());
            node.managedProperty().bind(node.visibleProperty());
        }
        getChildren().addAll(message, bar, cancel);
        setStyle("-fx-padding: 4 8 4 8; -fx-alignment: center-left;");
    }
}

package org.earmark.ui.coding.codebook;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.codebook.RatingScale;

/**
 * Help ▸ Codebook: every code with its key, colour, definition and examples, and every rating with its anchors, in a
 * window of its own that can stay open beside the coding view.
 */
public final class CodebookSheet extends ScrollPane {

    public CodebookSheet(Codebook codebook, ResourceBundle text) {
        setId("codebook-sheet");
        getStyleClass().addAll("codebook-sheet", "edge-to-edge");
        setFitToWidth(true);
        VBox content = new VBox(10);
        content.setPadding(new Insets(14));
        for (EventCode c : codebook.codes()) {
            content.getChildren().add(code(c, text));
            content.getChildren().add(new Separator());
        }
        if (!codebook.ratings().isEmpty()) {
            Label head = new Label(text.getString("codebook.ratings"));
            head.getStyleClass().add("title-3");
            content.getChildren().add(head);
            for (RatingScale r : codebook.ratings()) {
                content.getChildren().add(rating(r, text));
            }
        }
        setContent(content);
    }

    /** Opens the sheet in a window owned by {@code owner}. */
    public static Stage show(Window owner, Codebook codebook, ResourceBundle text) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(MessageFormat.format(text.getString("codebook.window"),
                codebook.title() == null ? codebook.id() : codebook.title()));
        Scene scene = new Scene(new CodebookSheet(codebook, text), 620, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        org.earmark.ui.common.WindowKeys.closeWith(stage, true);
        stage.show();
        return stage;
    }

    private static VBox code(EventCode c, ResourceBundle text) {
        Rectangle swatch = new Rectangle(14, 14, colour(c.colour()));
        Label key = new Label(MessageFormat.format(text.getString("codebook.key"), c.hotkey().name()));
        key.getStyleClass().add("code-key");
        Label name = new Label(c.id() + " \u2014 " + c.label());
        name.getStyleClass().add("title-4");
        HBox head = new HBox(8, swatch, name, key);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label definition = wrapped(c.definition());
        VBox box = new VBox(4, head, definition);
        box.setId("code-" + c.id());
        examples(box, text.getString("codebook.include"), c.includeExamples());
        examples(box, text.getString("codebook.exclude"), c.excludeExamples());
        return box;
    }

    private static void examples(VBox box, String heading, List<String> examples) {
        if (examples.isEmpty()) {
            return;
        }
        Label h = new Label(heading);
        h.getStyleClass().add("text-bold");
        box.getChildren().add(h);
        for (String e : examples) {
            box.getChildren().add(wrapped("\u2022 " + e));
        }
    }

    private static VBox rating(RatingScale r, ResourceBundle text) {
        Label name = new Label(r.label() + " (" + MessageFormat.format(text.getString("codebook.range"), r.min(),
                r.max()) + ")");
        name.getStyleClass().add("title-4");
        VBox box = new VBox(4, name);
        box.setId("rating-" + r.id());
        for (Map.Entry<Integer, String> a : r.anchors().entrySet()) {
            box.getChildren().add(wrapped(a.getKey() + " \u2014 " + a.getValue()));
        }
        return box;
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private static Color colour(String css) {
        try {
            return Color.web(css);
        } catch (IllegalArgumentException e) {
            return Color.GRAY;
        }
    }
}

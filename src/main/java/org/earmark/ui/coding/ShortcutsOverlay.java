package org.earmark.ui.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.earmark.codebook.EventCode;

/** The keyboard map over the coding view (F1 or ?): built from {@link Shortcuts#TABLE} and the codebook. */
public final class ShortcutsOverlay extends StackPane {

    private final ResourceBundle text;
    private final List<EventCode> codes;
    private final GridPane grid = new GridPane();

    public ShortcutsOverlay(List<EventCode> codes, ResourceBundle text) {
        this.text = text;
        this.codes = codes;
        setId("shortcuts-overlay");
        getStyleClass().add("shortcuts-overlay");
        setVisible(false);
        Region backdrop = new Region();
        backdrop.getStyleClass().add("backdrop");
        backdrop.setOnMouseClicked(e -> hide());
        Label title = new Label(text.getString("shortcuts.title"));
        title.getStyleClass().add("title-3");
        Label close = new Label(text.getString("shortcuts.close"));
        close.getStyleClass().add("text-muted");
        grid.setHgap(18);
        grid.setVgap(4);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox card = new VBox(10, title, scroll, close);
        card.getStyleClass().add("shortcuts-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setMaxHeight(Double.MAX_VALUE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().addAll(backdrop, card);
    }

    public void toggle() {
        if (isVisible()) {
            hide();
        } else {
            show();
        }
    }

    public void show() {
        rebuild();
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
    }

    private void rebuild() {
        grid.getChildren().clear();
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        Map<Action, List<String>> keys = new LinkedHashMap<>();
        for (Shortcuts.Binding b : Shortcuts.TABLE) {
            keys.computeIfAbsent(b.action(), a -> new ArrayList<>()).add(Shortcuts.display(b, mac));
        }
        int row = 0;
        for (Map.Entry<Action, List<String>> e : keys.entrySet()) {
            row = add(row, String.join(text.getString("shortcuts.or"), e.getValue()),
                    text.getString(e.getKey().textKey()));
        }
        if (!codes.isEmpty()) {
            Label head = new Label(text.getString("shortcuts.codes"));
            head.getStyleClass().add("title-4");
            grid.add(head, 0, row++, 2, 1);
            for (EventCode c : codes) {
                row = add(row, c.hotkey().name(), c.id() + " \u2014 " + c.label());
            }
            row = add(row, text.getString("shortcuts.shiftCode"), text.getString("shortcuts.recode"));
        }
    }

    private int add(int row, String key, String what) {
        Label k = new Label(key);
        k.getStyleClass().add("hotkey");
        Label w = new Label(what);
        w.setWrapText(true);
        grid.add(k, 0, row);
        grid.add(w, 1, row);
        return row + 1;
    }
}

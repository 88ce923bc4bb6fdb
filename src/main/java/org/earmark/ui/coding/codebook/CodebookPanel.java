package org.earmark.ui.coding.codebook;

import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.EventCode;
import org.earmark.ui.coding.timeline.TimelineView;

/** Every code with its key, marker, definition and examples; the search narrows the list. */
public final class CodebookPanel extends VBox {

    private final CodebookViewModel model;
    private final ResourceBundle text;
    private final VBox cards = new VBox(10);
    private final TextField search = new TextField();

    public CodebookPanel(CodebookViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        setId("codebook");
        getStyleClass().add("codebook-panel");
        setSpacing(6);
        Label title = new Label(text.getString("codebook.title"));
        title.getStyleClass().add("title-4");
        search.setId("codebook-search");
        search.setPromptText(text.getString("codebook.search"));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                search.clear();
                getParent().requestFocus();
            }
        });
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, search, scroll);
        model.visibleCodes().addListener((ListChangeListener<EventCode>) c -> rebuild());
        rebuild();
    }

    /** Puts the keyboard focus in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void rebuild() {
        cards.getChildren().clear();
        for (EventCode code : model.visibleCodes()) {
            cards.getChildren().add(card(code, Math.max(0, indexOf(code))));
        }
        if (cards.getChildren().isEmpty()) {
            Label none = new Label(text.getString("codebook.noMatch"));
            none.getStyleClass().add("text-muted");
            cards.getChildren().add(none);
        }
    }

    private int indexOf(EventCode code) {
        List<EventCode> all = model.allCodes();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(code.id())) {
                return i;
            }
        }
        return -1;
    }

    private Node card(EventCode code, int lane) {
        double em = Font.getDefault().getSize();
        Label key = new Label(code.hotkey().name());
        key.getStyleClass().add("hotkey");
        Label id = new Label(code.id());
        id.getStyleClass().add("code-id");
        Label label = new Label(code.label());
        label.setWrapText(true);
        label.setMinWidth(0);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox head = new HBox(6, key, TimelineView.swatch(lane, code.colour(), em * 1.3), id, label);
        head.setAlignment(Pos.CENTER_LEFT);
        if (code.kind() == CodeKind.SPAN) {
            Label span = new Label(text.getString("codebook.span"));
            span.getStyleClass().add("span-badge");
            head.getChildren().add(span);
        }
        VBox card = new VBox(3, head);
        card.getStyleClass().add("code-card");
        card.setId("code-" + code.id());
        card.getChildren().add(wrapped(code.definition(), "definition"));
        for (String example : code.includeExamples()) {
            card.getChildren().add(wrapped("\u2713 " + example, "example-include"));
        }
        for (String example : code.excludeExamples()) {
            card.getChildren().add(wrapped("\u2717 " + example, "example-exclude"));
        }
        return card;
    }

    private static Label wrapped(String s, String style) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }
}

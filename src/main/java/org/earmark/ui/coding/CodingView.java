package org.earmark.ui.coding;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.earmark.model.RecordingStatus;
import org.earmark.ui.coding.codebook.CodebookPanel;
import org.earmark.ui.coding.events.EventTableView;
import org.earmark.ui.coding.guide.GuideView;
import org.earmark.ui.coding.guide.GuideViewModel;
import org.earmark.ui.coding.ratings.RatingsPanel;
import org.earmark.ui.coding.timeline.TimelineView;
import org.earmark.ui.coding.transport.TransportView;

/**
 * The coding view: transport, notice, timeline, event table, codebook, ratings and "mark done",
 * plus the keyboard handling and the shortcuts overlay. It only wires; state is in
 * {@link CodingViewModel}.
 */
public final class CodingView extends StackPane {

    /** Actions that a held-down key must not repeat. */
    private static final Set<Action> NO_REPEAT = EnumSet.of(Action.PLAY_PAUSE, Action.DELETE_EVENT, Action.HELP,
            Action.EDIT_NOTE, Action.UNDO, Action.REDO);
    /** Auto-repeat sends presses every few tens of ms; a press after a longer gap is a new press. */
    private static final long REPEAT_WINDOW_NANOS = 700_000_000L;

    private final CodingViewModel model;
    private final EventTableView table;
    private final CodebookPanel codebook;
    private final ShortcutsOverlay overlay;
    private final TimelineView timeline;
    /** Keys held down, with when their last press came; a lost release cannot block a key for long. */
    private final Map<KeyCode, Long> held = new HashMap<>();
    private final AnimationTimer frames;

    private final GuideViewModel guide;
    private final GuideView guideView;

    public CodingView(CodingViewModel model, GuideViewModel guide, ResourceBundle text) {
        this.model = model;
        this.guide = guide;
        setId("coding");
        getStyleClass().add("coding-view");

        TransportView transport = new TransportView(model.transport(), Bindings.createStringBinding(
                () -> model.recordingProperty().get() == null ? "" : model.recordingProperty().get().id(),
                model.recordingProperty()), model.hintProperty(), text);
        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        timeline = new TimelineView(model.timeline(), text);
        table = new EventTableView(model.table(), model.selectedProperty(), model::selectAndSeek, text);
        codebook = new CodebookPanel(model.codebook(), text);
        VBox.setVgrow(codebook, Priority.ALWAYS);
        RatingsPanel ratings = new RatingsPanel(model.ratings(), text);
        ToggleButton done = new ToggleButton(text.getString("coding.markDone"));
        done.setId("mark-done");
        done.setFocusTraversable(false);
        done.setMaxWidth(Double.MAX_VALUE);
        done.getStyleClass().add("success");
        // The label says what the state is and what a click does: the fill colour alone left a click that undid
        // "done" unnoticed.
        done.textProperty().bind(javafx.beans.binding.Bindings.when(done.selectedProperty())
                .then(text.getString("coding.markedDone")).otherwise(text.getString("coding.markDone")));
        model.statusProperty().addListener((obs, was, now) -> done.setSelected(now == RecordingStatus.DONE));
        done.setOnAction(e -> model.markDone(done.isSelected()));
        // On a short screen (a 1366×768 laptop) the codebook and ratings scroll, and the done button stays in view
        // below them: at a fixed height it was pushed off the bottom of the window.
        VBox panels = new VBox(8, codebook, new Separator(), ratings);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panels);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        done.setMinHeight(Region.USE_PREF_SIZE);
        VBox side = new VBox(8, scroll, done);
        side.setPadding(new Insets(0, 0, 0, 8));
        side.setMinWidth(0);
        side.setMinHeight(0);
        SplitPane lower = new SplitPane(table, side);
        lower.setMinHeight(120);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.setDividerPositions(0.55);
        VBox.setVgrow(lower, Priority.ALWAYS);

        VBox content = new VBox(8, transport, notice, timeline, lower);
        content.setPadding(new Insets(8));
        content.visibleProperty().bind(model.activeProperty());

        Label placeholder = new Label();
        placeholder.setId("coding-placeholder");
        placeholder.getStyleClass().add("text-muted");
        placeholder.textProperty().bind(Bindings.when(model.loadingProperty())
                .then(text.getString("coding.loading")).otherwise(text.getString("coding.choose")));
        placeholder.visibleProperty().bind(model.activeProperty().not());

        overlay = new ShortcutsOverlay(model.codebook().allCodes(), text);
        guideView = new GuideView(guide, text);
        guideView.visibleProperty().unbind();
        guideView.visibleProperty().bind(guide.showingProperty().and(model.activeProperty()));
        getChildren().addAll(placeholder, content, guideView, overlay);

        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.transport().tick();
                timeline.paintIfDirty(model.transport().positionProperty().get());
            }
        };
        frames.start();
    }

    /** Installs the keyboard map on the window's scene. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> keyPressed(scene, e));
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> held.remove(e.getCode()));
        if (scene.getWindow() != null) {
            scene.getWindow().focusedProperty().addListener((o, w, focused) -> held.clear());
        }
        scene.windowProperty().addListener((obs, was, window) -> {
            if (window != null) {
                window.focusedProperty().addListener((o, w, focused) -> held.clear());
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!typing(scene) && Shortcuts.actionForTyped(e).isPresent()) {
                overlay.toggle();
                e.consume();
            }
        });
    }

    public void stop() {
        frames.stop();
    }

    public ShortcutsOverlay overlay() {
        return overlay;
    }

    private boolean typing(Scene scene) {
        Node focus = scene.getFocusOwner();
        return focus instanceof TextInputControl || table.getEditingCell() != null;
    }

    private void keyPressed(Scene scene, KeyEvent e) {
        if (typing(scene)) {
            if (e.getCode() == KeyCode.F1) {
                overlay.toggle();
                e.consume();
            }
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && guideView.isVisible() && !overlay.isVisible()) {
            guide.skip();
            e.consume();
            return;
        }
        long now = System.nanoTime();
        Long last = held.put(e.getCode(), now);
        boolean repeat = last != null && now - last < REPEAT_WINDOW_NANOS;
        var action = Shortcuts.actionFor(e);
        if (action.isPresent()) {
            e.consume();
            if (!(repeat && NO_REPEAT.contains(action.get()))) {
                run(action.get());
            }
            return;
        }
        var code = Shortcuts.hotkeyFor(e).flatMap(model::codeForHotkey);
        if (code.isPresent()) {
            e.consume();
            if (!repeat) {
                if (e.isShiftDown()) {
                    model.recodeSelected(code.get());
                } else {
                    model.press(code.get());
                }
            }
        }
    }

    private void run(Action action) {
        switch (action) {
            case HELP -> overlay.toggle();
            case EDIT_NOTE -> table.editNote();
            case FOCUS_SEARCH -> codebook.focusSearch();
            case DESELECT -> {
                overlay.hide();
                model.perform(action);
            }
            default -> model.perform(action);
        }
    }
}

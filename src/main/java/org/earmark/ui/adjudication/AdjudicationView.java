package org.earmark.ui.adjudication;

import static org.earmark.ui.study.shared.Tables.column;
import static org.earmark.ui.study.shared.Tables.number;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.earmark.codebook.RatingScale;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.study.shared.JobBar;
import org.earmark.ui.study.shared.Screen;

/**
 * The Adjudication tab: pick a double-coded recording and two of its coders, step through their
 * disagreements on the lanes timeline with the keyboard (N/P next/previous, A/B accept a coder's
 * version, E edit, Space play around it), then save the consensus. It only wires.
 */
public final class AdjudicationView implements Screen {

    private final AdjudicationViewModel model;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final TableView<ItemRow> table;
    private boolean loadedOnce;
    private boolean stale;

    public AdjudicationView(AdjudicationViewModel model, ResourceBundle text, ErrorReporter errors) {
        this.model = model;
        this.text = text;
        model.setOnError((doing, e) -> errors.show(owner(), doing, e));
        root.setId("adjudication");
        table = itemsTable();

        LaneCanvas lanes = new LaneCanvas(model, text);
        Label sound = new Label();
        sound.setId("adjudication-sound");
        sound.setWrapText(true);
        sound.textProperty().bind(model.soundMessageProperty());
        sound.visibleProperty().bind(model.soundMessageProperty().isNotEmpty());
        sound.managedProperty().bind(sound.visibleProperty());
        sound.setStyle("-fx-text-fill: #9a6700;");
        JobBar waveform = new JobBar(model.waveformJobProperty(), new javafx.beans.property.SimpleStringProperty(""),
                text, "adjudication-waveform");
        waveform.visibleProperty().bind(model.waveformJobProperty().isNotNull());
        waveform.managedProperty().bind(waveform.visibleProperty());
        Label keys = new Label(text.getString("adjudication.keys"));
        keys.getStyleClass().add("text-muted");
        VBox center = new VBox(6, lanes, waveform, sound, actions(), table, keys);
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setStyle("-fx-padding: 8;");
        root.setTop(toolBar());
        root.setCenter(center);
        root.setBottom(new JobBar(model.jobProperty(), model.statusProperty(), text, "adjudication"));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        if (!loadedOnce || stale) {
            loadedOnce = true;
            stale = false;
            model.refresh();
        }
        table.requestFocus();
    }

    @Override
    public void studyChanged() {
        stale = true;
    }

    @Override
    public boolean mayClose() {
        return mayDiscard("adjudication.unsaved");
    }

    /** Unsaved decisions are dropped only when the lead says so ({@code key}.header/.text say what is lost). */
    private boolean mayDiscard(String key) {
        if (!model.hasUnsavedDecisions()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text.getString(key + ".text"), ButtonType.OK,
                ButtonType.CANCEL);
        alert.initOwner(owner());
        alert.setHeaderText(text.getString(key + ".header"));
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /**
     * A choice that starts the comparison afresh (another recording, other coders) asks first when decisions are not
     * saved, and stays as it was on Cancel: switching recording dropped a lead's settled disagreements unasked.
     */
    private void guard(ComboBox<String> box, javafx.beans.property.Property<String> target) {
        box.setValue(target.getValue());
        target.addListener((o, old, now) -> box.setValue(now));
        boolean[] reverting = {false};
        box.valueProperty().addListener((o, old, now) -> {
            if (reverting[0] || java.util.Objects.equals(now, target.getValue())) {
                return;
            }
            if (mayDiscard("adjudication.switch")) {
                target.setValue(now);
            } else {
                reverting[0] = true;
                javafx.application.Platform.runLater(() -> {
                    box.setValue(target.getValue());
                    reverting[0] = false;
                });
            }
        });
    }

    @Override
    public void close() {
        model.close();
    }

    private ToolBar toolBar() {
        ComboBox<String> recording = new ComboBox<>(model.recordings());
        recording.setId("adjudication-recording");
        guard(recording, model.recordingProperty());
        recording.setPromptText(text.getString("adjudication.none.short"));
        ComboBox<String> a = new ComboBox<>(model.coders());
        a.setId("adjudication-coder-a");
        guard(a, model.coderAProperty());
        ComboBox<String> b = new ComboBox<>(model.coders());
        b.setId("adjudication-coder-b");
        guard(b, model.coderBProperty());
        Spinner<Double> tolerance = new Spinner<>();
        tolerance.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 600,
                model.toleranceProperty().get(), 0.5));
        tolerance.setPrefWidth(90);
        tolerance.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.toleranceProperty().set(now);
            }
        });
        return new ToolBar(new Label(text.getString("adjudication.recording")), recording,
                new Label(text.getString("adjudication.coderA")), a, new Label(text.getString("adjudication.coderB")), b,
                new Label(text.getString("adjudication.tolerance")), tolerance);
    }

    private HBox actions() {
        List<Button> buttons = new ArrayList<>();
        buttons.add(button("previous", model::previous));
        buttons.add(button("next", model::next));
        buttons.add(button("acceptA", model::acceptA));
        buttons.add(button("acceptB", model::acceptB));
        buttons.add(button("edit", this::edit));
        buttons.add(button("play", model::playCurrent));
        buttons.forEach(x -> x.disableProperty().bind(model.currentProperty().lessThan(0)));
        Label progress = new Label();
        progress.setId("adjudication-progress");
        progress.textProperty().bind(model.progressTextProperty());
        Button save = new Button(text.getString("adjudication.action.save"));
        save.setId("adjudication-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setFocusTraversable(false);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(6);
        box.getChildren().addAll(buttons);
        box.getChildren().addAll(spacer, progress, save);
        box.setStyle("-fx-alignment: center-left;");
        return box;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(text.getString("adjudication.action." + key));
        b.setId("adjudication-" + key);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private TableView<ItemRow> itemsTable() {
        TableView<ItemRow> t = new TableView<>(model.items());
        t.setId("adjudication-items");
        t.setPlaceholder(new Label(text.getString("adjudication.items.empty")));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var aColumn = column("", ItemRow::a);
        var bColumn = column("", ItemRow::b);
        aColumn.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> MessageFormat.format(
                text.getString("adjudication.column.coder"), "A", nullToEmpty(model.coderAProperty().get())),
                model.coderAProperty()));
        bColumn.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> MessageFormat.format(
                text.getString("adjudication.column.coder"), "B", nullToEmpty(model.coderBProperty().get())),
                model.coderBProperty()));
        t.getColumns().setAll(List.of(number("#", r -> Integer.toString(r.number())),
                column(text.getString("adjudication.column.time"), ItemRow::time),
                column(text.getString("adjudication.column.kind"), ItemRow::kind), aColumn, bColumn,
                column(text.getString("adjudication.column.decision"), ItemRow::decision)));
        t.getColumns().get(0).setMaxWidth(50);
        model.currentProperty().addListener((o, old, now) -> {
            int i = now.intValue();
            if (i >= 0 && i < t.getItems().size() && t.getSelectionModel().getSelectedIndex() != i) {
                t.getSelectionModel().select(i);
                t.scrollTo(Math.max(0, i - 3));
            }
        });
        model.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> {
            int i = model.currentProperty().get();
            if (i >= 0 && i < t.getItems().size()) {
                t.getSelectionModel().select(i);
            }
        });
        t.getSelectionModel().selectedIndexProperty().addListener((o, old, now) -> {
            if (now.intValue() >= 0) {
                model.currentProperty().set(now.intValue());
            }
        });
        return t;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl
                || (e.getTarget() instanceof ComboBoxBase<?> box && box.isShowing())
                || e.getTarget() instanceof Spinner<?>) {
            return;
        }
        Runnable action = switch (e.getCode()) {
            case N -> model::next;
            case P -> model::previous;
            case A -> model::acceptA;
            case B -> model::acceptB;
            case E -> this::edit;
            case SPACE -> model::playCurrent;
            default -> null;
        };
        if (action != null && e.getCode() != KeyCode.UNDEFINED) {
            e.consume();
            action.run();
        }
    }

    private void edit() {
        Adjudication.Item it = model.currentItem();
        Adjudication adj = model.adjudicationProperty().get();
        if (it == null || adj == null) {
            return;
        }
        if (it.kind() == Adjudication.Kind.RATING) {
            RatingScale scale = model.codebook().rating(it.scale()).orElse(null);
            List<String> choices = new ArrayList<>();
            choices.add(text.getString("adjudication.edit.noRating"));
            if (scale != null) {
                for (int v = scale.min(); v <= scale.max(); v++) {
                    String anchor = scale.anchors().get(v);
                    choices.add(v + (anchor == null ? "" : " \u2014 " + anchor));
                }
            }
            Integer start = it.ratingA() != null ? it.ratingA() : it.ratingB();
            String initial = start == null || scale == null ? choices.get(0) : choices.get(start - scale.min() + 1);
            ChoiceDialog<String> dialog = new ChoiceDialog<>(initial, choices);
            dialog.initOwner(owner());
            dialog.setTitle(text.getString("adjudication.edit.title"));
            dialog.setHeaderText(MessageFormat.format(text.getString("adjudication.edit.ratingHeader"),
                    scale == null ? it.scale() : scale.label()));
            dialog.getDialogPane().setId("edit-rating-dialog");
            dialog.showAndWait().ifPresent(choice -> model.editRating(choice.equals(choices.get(0)) ? null
                    : Integer.valueOf(choice.split(" ")[0])));
            return;
        }
        EventForm form = new EventForm(text, model.codebook(), adj.recordingId(), model.durationMsProperty().get(),
                it.a() != null ? it.a() : it.b());
        new EventDialog(owner(), form, model.codebook(), text).showAndWait().ifPresent(a -> model.edit(a.event()));
    }
}

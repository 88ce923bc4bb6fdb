package org.earmark.ui.study;

import static org.earmark.ui.study.shared.Tables.column;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.earmark.storage.StudyFile;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.study.shared.JobBar;
import org.earmark.ui.study.shared.Screen;

/**
 * The lead's window for one study folder: the Study tab (recordings, coders, assign, packages,
 * merge by button or by dropping coder files on the window), and the Results and Adjudication
 * tabs it is given. It only wires; state lives in the view models.
 */
public final class StudyWindow {

    private final Stage stage;
    private final StudyViewModel model;
    private final ResourceBundle text;
    private final LongSupplier seeds;
    private final TableView<CoderRow> codersTable;
    private final TabPane tabs = new TabPane();

    public StudyWindow(Stage stage, StudyViewModel model, Map<String, Screen> screens, ResourceBundle text,
            ErrorReporter errors, LongSupplier seeds, Runnable onClosed) {
        this.stage = stage;
        this.model = model;
        this.text = text;
        this.seeds = seeds;
        model.setOnError((doing, e) -> errors.show(stage, doing, e));
        codersTable = codersTable();

        Tab study = new Tab(text.getString("study.tab.study"), studyPane());
        study.setId("tab-study");
        tabs.getTabs().add(study);
        screens.forEach((id, screen) -> {
            Tab tab = new Tab(text.getString("study.tab." + id), screen.view());
            tab.setId("tab-" + id);
            tab.setOnSelectionChanged(e -> {
                if (tab.isSelected()) {
                    screen.shown();
                }
            });
            tabs.getTabs().add(tab);
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.changesProperty().addListener((o, old, now) -> screens.values().forEach(Screen::studyChanged));

        BorderPane root = new BorderPane(tabs);
        root.setId("study-window");
        root.setBottom(new JobBar(model.jobProperty(), model.statusProperty(), text, "study"));
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        root.setOnDragExited(e -> root.setStyle(""));
        root.setOnDragEntered(e -> {
            if (acceptable(e)) {
                root.setStyle("-fx-border-color: #0969da; -fx-border-width: 3;");
            }
        });
        stage.setScene(new Scene(root, 1200, 800));
        stage.setTitle(model.title());
        stage.setOnCloseRequest(e -> {
            if (!screens.values().stream().allMatch(Screen::mayClose)) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            screens.values().forEach(Screen::close);
            onClosed.run();
        });
    }

    public Stage stage() {
        return stage;
    }

    /** Selects a tab by its id without the tab's id prefix: study, results, adjudication. */
    public void select(String id) {
        tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + id)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private Node studyPane() {
        Button assign = new Button(text.getString("study.action.assign"));
        assign.setId("study-assign");
        assign.setOnAction(e -> assign());
        assign.disableProperty().bind(model.busyProperty().or(model.assignmentLockedProperty()));
        assign.setTooltip(new Tooltip(text.getString("study.action.assign.tip")));
        Button packages = new Button(text.getString("study.action.packages"));
        packages.setId("study-packages");
        packages.setOnAction(e -> createPackages());
        packages.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(model.coders())));
        packages.setTooltip(new Tooltip(text.getString("study.action.packages.tip")));
        Button merge = new Button(text.getString("study.action.merge"));
        merge.setId("study-merge");
        merge.setOnAction(e -> chooseAndMerge());
        merge.disableProperty().bind(model.busyProperty());
        merge.setTooltip(new Tooltip(text.getString("study.action.merge.tip")));
        Button refresh = new Button(text.getString("study.action.refresh"));
        refresh.setId("study-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        ToolBar bar = new ToolBar(assign, packages, merge, refresh);

        ListView<String> log = new ListView<>(model.log());
        log.setId("study-log");
        Label hint = new Label(text.getString("study.log.empty"));
        hint.setWrapText(true);
        log.setPlaceholder(hint);
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));
        Label logTitle = new Label(text.getString("study.log.title"));
        logTitle.getStyleClass().add("title-4");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        Label codersTitle = new Label(text.getString("study.coders.title"));
        codersTitle.getStyleClass().add("title-4");
        VBox codersBox = new VBox(4, codersTitle, codersTable);
        VBox.setVgrow(codersTable, Priority.ALWAYS);
        SplitPane lower = new SplitPane(codersBox, logBox);
        lower.setDividerPositions(0.5);

        Label recordingsTitle = new Label(text.getString("study.recordings.title"));
        recordingsTitle.getStyleClass().add("title-4");
        TableView<RecordingRow> recordings = recordingsTable();
        VBox recordingsBox = new VBox(4, recordingsTitle, recordings);
        VBox.setVgrow(recordings, Priority.ALWAYS);
        SplitPane split = new SplitPane(recordingsBox, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        BorderPane pane = new BorderPane(split);
        pane.setTop(bar);
        pane.setStyle("-fx-padding: 0 8 0 8;");
        return pane;
    }

    private TableView<RecordingRow> recordingsTable() {
        TableView<RecordingRow> table = new TableView<>(model.recordings());
        table.setId("study-recordings");
        table.setPlaceholder(new Label(text.getString("study.recordings.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Runnable columns = () -> {
            table.getColumns().setAll(List.of(
                    column(text.getString("study.column.recording"), RecordingRow::id),
                    column(text.getString("study.column.duration"), RecordingRow::duration),
                    column(text.getString("study.column.coders"), r -> r.coders().isEmpty()
                            ? text.getString("study.notAssigned") : String.join(", ", r.coders()))));
            for (String coder : model.eventColumns()) {
                String title = coder.equals(StudyFile.CONSENSUS) ? text.getString("study.column.consensusEvents")
                        : MessageFormat.format(text.getString("study.column.events"), coder);
                table.getColumns().add(column(title, r -> r.events().containsKey(coder)
                        ? Integer.toString(r.events().get(coder)) : ""));
            }
        };
        columns.run();
        model.eventColumns().addListener((ListChangeListener<String>) c -> columns.run());
        return table;
    }

    private TableView<CoderRow> codersTable() {
        TableView<CoderRow> table = new TableView<>(model.coders());
        table.setId("study-coders");
        table.setPlaceholder(new Label(text.getString("study.coders.empty")));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column(text.getString("study.column.coder"), CoderRow::coder),
                column(text.getString("study.column.assigned"), c -> Integer.toString(c.assigned())),
                column(text.getString("study.column.package"), c -> model.yesNo(c.packageSent())),
                column(text.getString("study.column.lastMerge"), c -> c.lastMerge() == null
                        ? text.getString("study.notMerged") : c.lastMerge()),
                column(text.getString("study.column.done"), c -> MessageFormat.format(
                        text.getString("study.doneOf"), c.done(), c.assigned()))));
        return table;
    }

    private void assign() {
        List<String> current = model.coders().stream().map(CoderRow::coder).toList();
        AssignForm form = new AssignForm(text, current, seeds.getAsLong());
        new AssignDialog(stage, form, text).showAndWait().ifPresent(model::assign);
    }

    private void createPackages() {
        List<String> coders = codersTable.getSelectionModel().getSelectedItems().stream().map(CoderRow::coder).toList();
        if (coders.isEmpty()) {
            coders = model.coders().stream().filter(c -> c.assigned() > 0).map(CoderRow::coder).toList();
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(MessageFormat.format(text.getString("study.packages.chooseFolder"), String.join(", ", coders)));
        File dir = chooser.showDialog(stage);
        if (dir == null) {
            return;
        }
        List<Path> existing = model.existingPackages(dir.toPath(), coders);
        if (!existing.isEmpty()) {
            Alert replace = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(
                    text.getString("study.packages.replace"), existing.size(), dir), ButtonType.OK, ButtonType.CANCEL);
            replace.initOwner(stage);
            if (replace.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        model.createPackages(dir.toPath(), coders);
    }

    private void chooseAndMerge() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString("study.merge.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("study.merge.filter"),
                "*.earmark"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            model.merge(StudyViewModel.coderFiles(files));
        }
    }

    private boolean acceptable(DragEvent e) {
        return e.getDragboard().hasFiles() && !StudyViewModel.coderFiles(e.getDragboard().getFiles()).isEmpty();
    }

    private void dragOver(DragEvent e) {
        if (acceptable(e)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = acceptable(e);
        if (ok) {
            drop(e.getDragboard().getFiles());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Files dropped on the window: the coder files among them are merged, and the Study tab shows the reports. */
    public void drop(List<File> files) {
        tabs.getSelectionModel().select(0);
        model.merge(StudyViewModel.coderFiles(files));
    }
}

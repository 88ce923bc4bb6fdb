package org.earmark.ui.main;

import java.io.File;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.earmark.core.AppVersion;
import org.earmark.ui.common.ErrorReporter;

/** The main window: menus, the open file's recordings, a status line. It only wires; state is in the view model. */
public final class MainWindow {

    private final Stage stage;
    private final MainViewModel model;
    private final ResourceBundle text;
    private java.util.function.Consumer<javafx.stage.Window> onOpenStudy = owner -> { };

    public MainWindow(Stage stage, MainViewModel model, ResourceBundle text, ErrorReporter errors) {
        this.stage = stage;
        this.model = model;
        this.text = text;
        model.setOnError((doing, e) -> errors.show(stage, doing, e));

        BorderPane root = new BorderPane();
        root.setTop(menuBar());
        root.setCenter(recordingsTable());
        root.setBottom(statusBar());

        Scene scene = new Scene(root, 1000, 640);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
    }

    public Stage stage() {
        return stage;
    }

    /** What File ▸ Open study folder… does (the composition root opens a study window). */
    public void setOnOpenStudy(java.util.function.Consumer<javafx.stage.Window> action) {
        this.onOpenStudy = action;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem(text.getString("menu.file.open"));
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem openStudy = new MenuItem(text.getString("study.menu.open"));
        openStudy.setId("menu-open-study");
        openStudy.setOnAction(e -> onOpenStudy.accept(stage));
        MenuItem close = new MenuItem(text.getString("menu.file.close"));
        close.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        close.disableProperty().bind(model.fileProperty().isNull());
        close.setOnAction(e -> model.close());
        MenuItem quit = new MenuItem(text.getString("menu.file.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            model.close();
            Platform.exit();
        });
        Menu file = new Menu(text.getString("menu.file"), null, open, openStudy, close, quit);

        MenuItem about = new MenuItem(text.getString("menu.help.about"));
        about.setOnAction(e -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION,
                    MessageFormat.format(text.getString("about.text"), AppVersion.current()));
            alert.initOwner(stage);
            alert.setHeaderText(text.getString("app.name"));
            alert.show();
        });
        Menu help = new Menu(text.getString("menu.help"), null, about);
        return new MenuBar(file, help);
    }

    private TableView<RecordingRow> recordingsTable() {
        TableView<RecordingRow> table = new TableView<>(model.recordings());
        table.setId("recordings");
        table.setPlaceholder(new Label(text.getString("main.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.getString("column.recording"), RecordingRow::id));
        table.getColumns().add(column(text.getString("column.duration"), RecordingRow::duration));
        table.getColumns().add(column(text.getString("column.status"), r -> model.statusText(r.status())));
        table.getColumns().add(column(text.getString("column.events"), r -> Integer.toString(r.events())));
        return table;
    }

    private static TableColumn<RecordingRow, String> column(String title,
            java.util.function.Function<RecordingRow, String> value) {
        TableColumn<RecordingRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressBar busy = new ProgressBar(-1);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox bar = new HBox(8, status, busy);
        bar.getStyleClass().add("status-bar");
        bar.setStyle("-fx-padding: 4 8 4 8;");
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString("menu.file.open").replace("_", ""));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.coderFiles"),
                "*.earmark"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }
}

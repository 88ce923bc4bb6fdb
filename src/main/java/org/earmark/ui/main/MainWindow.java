package org.earmark.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.earmark.core.AppVersion;
import org.earmark.study.PackageOpener;
import org.earmark.ui.coding.CodingView;
import org.earmark.ui.coding.codebook.CodebookSheet;
import org.earmark.ui.coding.guide.GuideViewModel;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.newfile.NewFileCreator;
import org.earmark.ui.newfile.NewFileDialog;
import org.earmark.ui.newfile.NewFileViewModel;

/**
 * The main window: menus and the saved indicator, the recordings of the open file on the left, the
 * coding view on the right, a status line. A coder file can also be dropped on it. It only wires;
 * state is in the view models.
 */
public final class MainWindow {

    private final Stage stage;
    private java.util.function.Consumer<javafx.stage.Window> onOpenStudy = owner -> { };
    private final MainViewModel model;
    private final ResourceBundle text;
    private final NewFileCreator creator;
    private final CodingView coding;
    private final GuideViewModel guide;

    public MainWindow(Stage stage, MainViewModel model, GuideViewModel guide, NewFileCreator creator,
            ResourceBundle text, ErrorReporter errors) {
        this.stage = stage;
        this.guide = guide;
        this.model = model;
        this.text = text;
        this.creator = creator;
        model.setOnError((doing, e) -> errors.show(stage, doing, e));

        coding = new CodingView(model.coding(), guide, text);
        model.coding().activeProperty().addListener((obs, was, active) -> {
            if (active) {
                guide.showIfFirstRun();
            }
        });
        RecordingsPane recordings = new RecordingsPane(model, text);
        SplitPane split = new SplitPane(recordings, coding);
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    split.setDividerPositions(Math.min(0.4, recordings.getPrefWidth() / now.doubleValue()));
                    split.widthProperty().removeListener(this);
                }
            }
        });
        SplitPane.setResizableWithParent(split.getItems().get(0), false);

        BorderPane root = new BorderPane();
        root.setTop(topBar());
        root.setCenter(split);
        root.setBottom(statusBar());
        acceptDroppedFiles(root);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/org/earmark/ui/earmark.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.titleProperty().bind(model.titleProperty());
        coding.install(scene);
    }

    public Stage stage() {
        return stage;
    }

    /** What File ▸ Open study folder… does (the composition root opens a study window). */
    public void setOnOpenStudy(java.util.function.Consumer<javafx.stage.Window> action) {
        this.onOpenStudy = action;
    }

    public CodingView coding() {
        return coding;
    }

    public MainViewModel model() {
        return model;
    }

    public GuideViewModel guide() {
        return guide;
    }

    private HBox topBar() {
        MenuBar menus = menuBar();
        HBox.setHgrow(menus, Priority.ALWAYS);
        Label saved = new Label();
        saved.setId("save-indicator");
        saved.getStyleClass().add("save-indicator");
        saved.textProperty().bind(model.saveTextProperty());
        model.saveStateProperty().addListener((obs, was, now) -> {
            saved.getStyleClass().removeAll("saving", "saved", "failed");
            if (now != MainViewModel.SaveState.IDLE) {
                saved.getStyleClass().add(now.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        HBox bar = new HBox(menus, saved);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private MenuBar menuBar() {
        MenuItem newFile = item("menu.file.new", "menu-new", "Shortcut+N", this::createFromAudio);
        MenuItem open = item("menu.file.open", "menu-open", "Shortcut+O", this::chooseAndOpen);
        MenuItem openStudy = item("study.menu.open", "menu-open-study", null, () -> onOpenStudy.accept(stage));
        Menu recent = new Menu(text.getString("menu.file.recent"));
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().setAll(model.settings().recentFiles().stream().map(p -> {
                MenuItem i = new MenuItem(p.toString());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> model.open(p));
                return i;
            }).toList());
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.settings().recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem restore = item("menu.file.restore", "menu-restore", null, this::chooseBackup);
        restore.disableProperty().bind(model.fileProperty().isNull());
        MenuItem close = item("menu.file.close", "menu-close", "Shortcut+W", model::close);
        close.disableProperty().bind(model.fileProperty().isNull());
        MenuItem quit = item("menu.file.quit", "menu-quit", "Shortcut+Q", () -> {
            model.shutdown();
            Platform.exit();
        });
        Menu file = new Menu(text.getString("menu.file"), null, newFile, open, recent, openStudy, new SeparatorMenuItem(),
                restore, close,
                new SeparatorMenuItem(), quit);

        var c = model.coding();
        MenuItem undo = item("menu.edit.undo", "menu-undo", null, c::undo);
        undo.textProperty().bind(javafx.beans.binding.Bindings.when(c.canUndoProperty())
                .then(javafx.beans.binding.Bindings.concat(text.getString("menu.edit.undoPrefix"), c.undoTextProperty()))
                .otherwise(text.getString("menu.edit.undo")));
        undo.disableProperty().bind(c.canUndoProperty().not());
        MenuItem redo = item("menu.edit.redo", "menu-redo", null, c::redo);
        redo.textProperty().bind(javafx.beans.binding.Bindings.when(c.canRedoProperty())
                .then(javafx.beans.binding.Bindings.concat(text.getString("menu.edit.redoPrefix"), c.redoTextProperty()))
                .otherwise(text.getString("menu.edit.redo")));
        redo.disableProperty().bind(c.canRedoProperty().not());
        MenuItem offset = item("menu.edit.offset", "menu-offset", null,
                () -> new ReactionOffsetDialog(stage, model.settings(), text).ask());
        Menu edit = new Menu(text.getString("menu.edit"), null, undo, redo, new SeparatorMenuItem(), offset);

        MenuItem keys = item("menu.help.shortcuts", "menu-shortcuts", null, () -> coding.overlay().toggle());
        MenuItem about = item("menu.help.about", "menu-about", null, () -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION,
                    MessageFormat.format(text.getString("about.text"), AppVersion.current()));
            alert.initOwner(stage);
            alert.setHeaderText(text.getString("app.name"));
            alert.show();
        });
        MenuItem showGuide = item("menu.help.guide", "menu-guide", null, guide::show);
        MenuItem codebook = item("menu.help.codebook", "menu-codebook", null, () -> {
            if (model.fileProperty().get() != null) {
                CodebookSheet.show(stage, model.fileProperty().get().codebook(), text);
            }
        });
        codebook.disableProperty().bind(model.fileProperty().isNull());
        MenuItem demo = item("menu.help.demo", "menu-demo", null, model::openDemo);
        Menu help = new Menu(text.getString("menu.help"), null, showGuide, keys, codebook, new SeparatorMenuItem(),
                demo, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, edit, help);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem item(String key, String id, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text.getString(key));
        i.setId(id);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label notice = new Label();
        notice.setId("file-notice");
        notice.getStyleClass().add("file-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.fileNoticeProperty());
        notice.visibleProperty().bind(model.fileNoticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        ProgressBar busy = new ProgressBar(-1);
        busy.setId("busy");
        busy.progressProperty().bind(model.jobProgressProperty());
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox bar = new HBox(8, status, notice, busy);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void acceptDroppedFiles(BorderPane root) {
        root.setOnDragOver(e -> {
            if (droppedCoderFile(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            File f = droppedCoderFile(e.getDragboard().getFiles());
            if (f != null) {
                model.openAny(f.toPath());
            }
            e.setDropCompleted(f != null);
            e.consume();
        });
    }

    private static File droppedCoderFile(List<File> files) {
        return files != null && files.size() == 1 && (files.get(0).getName().endsWith(".earmark")
                || PackageOpener.isPackage(files.get(0).toPath())) ? files.get(0) : null;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString("menu.file.open").replace("_", ""));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.coderFiles"),
                "*.earmark", "*.earmark-package", "*.zip"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filechooser.packages"),
                "*.earmark-package", "*.zip"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.openAny(chosen.toPath());
        }
    }

    /** File ▸ Restore backup…: pick one of the open file's backups, confirm, and the view model does the rest. */
    private void chooseBackup() {
        model.listBackups(backups -> {
            String name = model.fileProperty().get() == null ? ""
                    : model.fileProperty().get().path().getFileName().toString();
            if (backups.isEmpty()) {
                Alert none = new Alert(Alert.AlertType.INFORMATION,
                        MessageFormat.format(text.getString("backup.none"), name));
                none.initOwner(stage);
                none.setHeaderText(text.getString("backup.title"));
                none.show();
                return;
            }
            new RestoreBackupDialog(stage, backups, text).ask().ifPresent(model::restore);
        });
    }

    private void createFromAudio() {
        new NewFileDialog(stage, new NewFileViewModel(), text).ask().ifPresent(request -> model.setBusy(
                creator.create(request, path -> {
                    model.setBusy(null);
                    model.open(path);
                }, (doing, e) -> {
                    model.setBusy(null);
                    model.reportError(doing, e);
                })));
    }
}

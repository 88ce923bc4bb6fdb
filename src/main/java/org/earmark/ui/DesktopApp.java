package org.earmark.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.stage.Stage;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.main.MainViewModel;
import org.earmark.ui.main.MainWindow;
import org.earmark.ui.study.StudyWindows;

/** The desktop application and its composition root: every service is made here and handed down. */
public final class DesktopApp extends Application {

    private Background background;
    private MainViewModel model;

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    public static ResourceBundle messages() {
        return ResourceBundle.getBundle("org.earmark.ui.messages");
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ResourceBundle text = messages();
        background = Background.forFx();
        model = new MainViewModel(background, text);
        MainWindow window = new MainWindow(stage, model, text, new ErrorReporter(text));
        window.setOnOpenStudy(StudyWindows.standard(background, text, new ErrorReporter(text))::chooseAndOpen);
        stage.show();
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) {
            model.open(Path.of(files.get(0)));
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (background != null) {
            background.close();
        }
    }
}

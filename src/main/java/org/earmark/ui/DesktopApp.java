package org.earmark.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application. */
public final class DesktopApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Earmark");
        stage.show();
    }
}

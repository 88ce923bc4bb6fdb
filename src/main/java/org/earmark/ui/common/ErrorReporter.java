package org.earmark.ui.common;

import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.stage.Window;
import org.earmark.core.Failures;

/**
 * Shows a failure the way the command line words it: expected problems as a plain message,
 * unexpected ones logged once with their stack trace and shown in one error window.
 */
public final class ErrorReporter {
    private static final Logger LOG = Logger.getLogger(ErrorReporter.class.getName());

    private final ResourceBundle text;

    public ErrorReporter(ResourceBundle text) {
        this.text = text;
    }

    public void show(Window owner, String doing, Throwable error) {
        Failures.Failure failure = Failures.describe(error);
        if (failure.unexpected()) {
            LOG.log(Level.SEVERE, doing, error);
        }
        Alert alert = new Alert(failure.unexpected() ? AlertType.ERROR : AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(text.getString("error.title"));
        alert.setHeaderText(doing);
        alert.setContentText(failure.message());
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }
}

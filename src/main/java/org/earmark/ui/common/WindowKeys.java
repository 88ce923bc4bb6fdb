package org.earmark.ui.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Closing a secondary window from the keyboard as other programs do. The keys go through the window's close request,
 * so a window that asks before closing (unsaved decisions) still asks; a control that uses the key itself (an open
 * list, a text field) gets it first.
 */
public final class WindowKeys {

    private static final KeyCombination CLOSE = KeyCombination.keyCombination("Shortcut+W");

    private WindowKeys() {
    }

    /** Ctrl+W (Cmd+W on a Mac) closes the window, and so does Escape when {@code escapeToo}. */
    public static void closeWith(Stage stage, boolean escapeToo) {
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e) || escapeToo && e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }
}

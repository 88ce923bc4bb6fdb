package org.earmark.ui.main;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.earmark.storage.Backups;

/** File ▸ Restore backup…: the open file's backups (time, size), then a confirmation that says what happens. */
final class RestoreBackupDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final Window owner;
    private final List<Backups.Backup> backups;
    private final ResourceBundle text;

    RestoreBackupDialog(Window owner, List<Backups.Backup> backups, ResourceBundle text) {
        this.owner = owner;
        this.backups = backups;
        this.text = text;
    }

    static String describe(Backups.Backup b, ResourceBundle text) {
        return MessageFormat.format(text.getString("backup.row"), TIME.format(b.takenAt()), size(b.size()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The backup to restore, once chosen and confirmed. */
    Optional<Backups.Backup> ask() {
        ListView<Backups.Backup> list = new ListView<>();
        list.setId("backup-list");
        list.getItems().setAll(backups);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Backups.Backup b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b, text));
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefHeight(240);
        Dialog<Backups.Backup> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("backup.title"));
        dialog.setHeaderText(text.getString("backup.header"));
        ButtonType restore = new ButtonType(text.getString("backup.restore"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(restore, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().lookupButton(restore).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == restore ? list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait().filter(this::confirmed);
    }

    private boolean confirmed(Backups.Backup b) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                MessageFormat.format(text.getString("backup.confirm"), TIME.format(b.takenAt())));
        confirm.initOwner(owner);
        confirm.setHeaderText(text.getString("backup.title"));
        ButtonType restore = new ButtonType(text.getString("backup.restore"), ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(restore, ButtonType.CANCEL);
        return confirm.showAndWait().filter(r -> r == restore).isPresent();
    }
}

package org.earmark.ui.main;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.core.TimeFormat;
import org.earmark.model.Recording;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;

/**
 * The open file's recordings as the list on the left shows them, kept current as coding changes their status and
 * event counts, with the "3 of 12 done" line under it.
 */
final class RecordingList {

    private final ResourceBundle text;
    private final ObservableList<RecordingRow> rows = FXCollections.observableArrayList();
    private final Map<String, Recording> byId = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    RecordingList(ResourceBundle text) {
        this.text = text;
    }

    void fill(List<RecordingProgress> progress) {
        byId.clear();
        progress.forEach(p -> byId.put(p.recording().id(), p.recording()));
        rows.setAll(progress.stream().map(RecordingList::row).toList());
        updateProgressText();
    }

    void clear() {
        rows.clear();
        byId.clear();
        progressText.set("");
    }

    Optional<Recording> find(String recordingId) {
        return Optional.ofNullable(recordingId == null ? null : byId.get(recordingId));
    }

    /** The first recording not yet done, else the first; the one a coder coming back wants to continue with. */
    Optional<String> firstToCode() {
        return rows.stream().filter(r -> r.status() != RecordingStatus.DONE).findFirst()
                .or(() -> rows.stream().findFirst()).map(RecordingRow::id);
    }

    /** One recording's status or event count changed; only its row is replaced, so the selection stays. */
    void progressed(RecordingProgress p) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(p.recording().id())) {
                RecordingRow next = row(p);
                if (!next.equals(rows.get(i))) {
                    rows.set(i, next);
                }
            }
        }
        updateProgressText();
    }

    private void updateProgressText() {
        long done = rows.stream().filter(r -> r.status() == RecordingStatus.DONE).count();
        progressText.set(rows.isEmpty() ? "" : MessageFormat.format(text.getString("main.progress"), done,
                rows.size()));
    }

    static RecordingRow row(RecordingProgress p) {
        Long ms = p.recording().durationMs();
        return new RecordingRow(p.recording().id(), ms == null ? "" : TimeFormat.duration(ms), p.status(),
                p.eventCount());
    }

    ObservableList<RecordingRow> rows() {
        return rows;
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}

package org.earmark.ui.coding.codebook;

import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;

/** The codebook panel: every code, narrowed by a search over id, label, hotkey, definition and examples. */
public final class CodebookViewModel {

    private final ObservableList<EventCode> codes = FXCollections.observableArrayList();
    private final FilteredList<EventCode> visible = new FilteredList<>(codes);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");

    public CodebookViewModel() {
        search.addListener((obs, was, now) -> visible.setPredicate(c -> matches(c, now)));
    }

    public void setCodebook(Codebook codebook) {
        codes.setAll(codebook == null ? java.util.List.of() : codebook.codes());
        description.set(codebook == null ? "" : codebook.title() == null ? codebook.id() : codebook.title());
    }

    /** Whether every word of the query is found somewhere in the code's texts (case-insensitive). */
    static boolean matches(EventCode code, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = Stream.concat(Stream.of(code.id(), code.label(), code.definition(), code.hotkey().name(),
                code.group() == null ? "" : code.group()), Stream.concat(code.includeExamples().stream(),
                code.excludeExamples().stream())).reduce("", (a, b) -> a + "\n" + b).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Every code, in codebook order (which is also the order of the timeline's lanes). */
    public ObservableList<EventCode> allCodes() {
        return codes;
    }

    public ObservableList<EventCode> visibleCodes() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty titleProperty() {
        return description;
    }
}

package org.earmark.ui.coding.ratings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.codebook.RatingScale;
import org.earmark.core.EarmarkException;
import org.earmark.session.CodingSession;

/** The global ratings of the recording being coded: one value (or none) per scale. */
public final class RatingsViewModel {

    private final ObservableList<RatingScale> scales = FXCollections.observableArrayList();
    private final Map<String, ObjectProperty<Integer>> values = new LinkedHashMap<>();
    private final Consumer<String> hint;
    private CodingSession session;

    public RatingsViewModel(Consumer<String> hint) {
        this.hint = hint;
    }

    public void attach(CodingSession s) {
        session = s;
        if (!scales.equals(s.codebook().ratings())) {
            values.clear();
            s.codebook().ratings().forEach(r -> values.put(r.id(), new SimpleObjectProperty<>()));
            scales.setAll(s.codebook().ratings());
        }
        values.forEach((id, p) -> p.set(s.ratings().get(id)));
    }

    public void detach() {
        session = null;
        values.values().forEach(p -> p.set(null));
    }

    /** The coder chose a value (or {@code null} to clear it). */
    public void rate(String scaleId, Integer value) {
        if (session == null) {
            return;
        }
        try {
            session.rate(scaleId, value);
        } catch (EarmarkException e) {
            hint.accept(e.getMessage());
        }
    }

    /** The session says a rating changed (an edit, an undo or a redo). */
    public void changed(String scaleId, Integer value) {
        ObjectProperty<Integer> p = values.get(scaleId);
        if (p != null) {
            p.set(value);
        }
    }

    public ObservableList<RatingScale> scales() {
        return scales;
    }

    public ObjectProperty<Integer> valueProperty(String scaleId) {
        return values.get(scaleId);
    }
}

package org.earmark.ui.coding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.earmark.model.Event;
import org.earmark.ui.coding.transport.TransportViewModel;

/** Which event is selected, and stepping from one event to the next with the playhead following. */
final class Selection {

    private final ObjectProperty<UUID> selected = new SimpleObjectProperty<>();
    private final ObservableList<Event> events;
    private final TransportViewModel transport;

    Selection(ObservableList<Event> events, TransportViewModel transport) {
        this.events = events;
        this.transport = transport;
    }

    ObjectProperty<UUID> property() {
        return selected;
    }

    Optional<Event> event() {
        UUID id = selected.get();
        return id == null ? Optional.empty() : events.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Runs the action on the selected event's id; returns false when nothing is selected. */
    boolean with(Consumer<UUID> action) {
        if (selected.get() == null) {
            return false;
        }
        action.accept(selected.get());
        return true;
    }

    /** Selects an event and moves the playhead to it. */
    void selectAndSeek(UUID id) {
        selected.set(id);
        if (id != null) {
            events.stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(e -> transport.seek(e.startMs()));
        }
    }

    /** Selects the next (+1) or previous (-1) event from the selection, or from the playhead. */
    void step(int direction) {
        if (events.isEmpty()) {
            return;
        }
        Optional<Event> current = event();
        long from = current.map(Event::startMs).orElse(transport.now());
        List<Event> list = events;
        int index = current.map(list::indexOf).orElse(-1);
        Event next;
        if (index >= 0) {
            next = list.get(Math.max(0, Math.min(list.size() - 1, index + direction)));
        } else if (direction > 0) {
            next = list.stream().filter(e -> e.startMs() >= from).findFirst().orElse(list.get(list.size() - 1));
        } else {
            next = list.stream().filter(e -> e.startMs() <= from).reduce((a, b) -> b).orElse(list.get(0));
        }
        selectAndSeek(next.id());
    }
}

package org.earmark.ui.coding.events;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.session.CodingSession;
import org.earmark.session.TimeInput;

/**
 * The event table: what each column shows and what an edit in it does. Edits go to the session (so
 * they are undoable and saved); a time that cannot be read is refused with a hint.
 */
public final class EventTableViewModel {

    private final ObservableList<Event> events;
    private final ResourceBundle text;
    private final Consumer<String> hint;
    private CodingSession session;

    public EventTableViewModel(ObservableList<Event> events, ResourceBundle text, Consumer<String> hint) {
        this.events = events;
        this.text = text;
        this.hint = hint;
    }

    public void attach(CodingSession s) {
        this.session = s;
    }

    public void detach() {
        this.session = null;
    }

    public ObservableList<Event> events() {
        return events;
    }

    public static String time(Event e) {
        return TimeFormat.moment(e.startMs());
    }

    public static String end(Event e) {
        return e.isSpan() ? TimeFormat.moment(e.endMs()) : "";
    }

    /** The codes an event may be re-coded to: those of the same kind. */
    public List<String> codesFor(Event e) {
        if (session == null) {
            return List.of(e.code());
        }
        CodeKind kind = e.isSpan() ? CodeKind.SPAN : CodeKind.POINT;
        return session.codebook().codes().stream().filter(c -> c.kind() == kind).map(EventCode::id).toList();
    }

    public void editTime(Event e, String typed) {
        TimeInput.parse(typed).ifPresentOrElse(ms -> run(() -> session.moveTo(e.id(), ms)),
                () -> hint.accept(MessageFormat.format(text.getString("hint.badTime"), typed)));
    }

    public void editEnd(Event e, String typed) {
        if (!e.isSpan()) {
            return;
        }
        TimeInput.parse(typed).ifPresentOrElse(ms -> run(() -> session.setEnd(e.id(), ms)),
                () -> hint.accept(MessageFormat.format(text.getString("hint.badTime"), typed)));
    }

    public void editCode(Event e, String code) {
        if (code != null) {
            run(() -> session.recode(e.id(), code));
        }
    }

    public void editNote(Event e, String note) {
        run(() -> session.note(e.id(), note));
    }

    private void run(Runnable edit) {
        if (session == null) {
            return;
        }
        try {
            edit.run();
        } catch (EarmarkException e) {
            hint.accept(e.getMessage());
        }
    }
}

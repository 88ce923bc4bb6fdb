package org.earmark.ui.adjudication;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/**
 * The edit dialog's state: the lead's own version of a disputed event — a code (or no event),
 * start, end for span codes, and a note — with validation. Times are typed as shown
 * ({@code 12:02.4}) or in seconds ({@code 722.4}).
 */
public final class EventForm {

    private final ResourceBundle text;
    private final String recordingId;
    private final long durationMs;
    private final ObjectProperty<EventCode> code = new SimpleObjectProperty<>();
    private final StringProperty start = new SimpleStringProperty("");
    private final StringProperty end = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanBinding span;
    private final StringBinding problem;

    /** Starts from an event (one coder's version), or from a moment when there is none. */
    public EventForm(ResourceBundle text, Codebook codebook, String recordingId, long durationMs, Event from) {
        this.text = text;
        this.recordingId = recordingId;
        this.durationMs = durationMs;
        if (from != null) {
            code.set(codebook.code(from.code()).orElse(null));
            start.set(TimeFormat.moment(from.startMs()));
            end.set(from.endMs() == null ? "" : TimeFormat.moment(from.endMs()));
            note.set(from.note());
        }
        span = Bindings.createBooleanBinding(() -> code.get() != null && code.get().kind() == CodeKind.SPAN, code);
        problem = Bindings.createStringBinding(this::check, code, start, end);
    }

    private String check() {
        if (code.get() == null) {
            return "";
        }
        Long s = parse(start.get());
        if (s == null) {
            return MessageFormat.format(text.getString("adjudication.edit.problem.time"), start.get());
        }
        if (s > durationMs) {
            return MessageFormat.format(text.getString("adjudication.edit.problem.after"), TimeFormat.moment(durationMs));
        }
        if (span.get()) {
            Long e = parse(end.get());
            if (e == null) {
                return MessageFormat.format(text.getString("adjudication.edit.problem.time"), end.get());
            }
            if (e < s) {
                return text.getString("adjudication.edit.problem.order");
            }
        }
        return "";
    }

    /** A time as typed: {@code m:ss.t} (minutes may exceed 59) or seconds; {@code null} when it is neither. */
    static Long parse(String typed) {
        String t = typed == null ? "" : typed.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            double seconds;
            int colon = t.lastIndexOf(':');
            if (colon >= 0) {
                String[] parts = t.split(":");
                if (parts.length > 3) {
                    return null;
                }
                seconds = 0;
                for (int i = 0; i < parts.length - 1; i++) {
                    seconds = seconds * 60 + Integer.parseInt(parts[i]);
                }
                double last = Double.parseDouble(parts[parts.length - 1]);
                if (last >= 60 || last < 0) {
                    return null;
                }
                seconds = seconds * 60 + last;
            } else {
                seconds = Double.parseDouble(t);
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                return null;
            }
            return Math.round(seconds * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The lead's event, or {@code null} for "no event"; only when {@link #validProperty()} holds. */
    public NewEvent result() {
        if (!problem.get().isEmpty()) {
            throw new IllegalStateException(problem.get());
        }
        if (code.get() == null) {
            return null;
        }
        long s = parse(start.get());
        return new NewEvent(recordingId, code.get().id(), s, span.get() ? parse(end.get()) : null, note.get());
    }

    /** The codes to choose from, with {@code null} standing for "no event". */
    public static List<EventCode> choices(Codebook codebook) {
        java.util.List<EventCode> out = new java.util.ArrayList<>();
        out.add(null);
        out.addAll(codebook.codes());
        return out;
    }

    public static String describe(EventCode c, ResourceBundle text) {
        return c == null ? text.getString("adjudication.edit.noEvent")
                : String.format(Locale.ROOT, "%s \u2014 %s", c.id(), c.label());
    }

    public ObjectProperty<EventCode> codeProperty() {
        return code;
    }

    public StringProperty startProperty() {
        return start;
    }

    public StringProperty endProperty() {
        return end;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanBinding spanProperty() {
        return span;
    }

    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return problem.isEmpty();
    }
}

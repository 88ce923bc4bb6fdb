package org.earmark.ui.adjudication;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/** How a disagreement and the lead's decision on it read in the adjudication list. */
final class DisagreementTexts {

    private final ResourceBundle text;
    private final org.earmark.codebook.Codebook codebook;

    DisagreementTexts(ResourceBundle text, org.earmark.codebook.Codebook codebook) {
        this.text = text;
        this.codebook = codebook;
    }

    /** A rating scale by its label, as the lead knows it, rather than its id (outcome_focus). */
    private String scale(String id) {
        return codebook.rating(id).map(r -> r.label()).orElse(id);
    }

    ItemRow row(Adjudication adj, int i) {
        Adjudication.Item it = adj.items().get(i);
        String time = it.kind() == Adjudication.Kind.RATING ? "" : TimeFormat.moment(it.atMs());
        String kind = text.getString("adjudication.kind." + it.kind().name().toLowerCase(java.util.Locale.ROOT));
        String a;
        String b;
        if (it.kind() == Adjudication.Kind.RATING) {
            a = scale(it.scale()) + " " + (it.ratingA() == null ? "\u2014" : it.ratingA());
            b = scale(it.scale()) + " " + (it.ratingB() == null ? "\u2014" : it.ratingB());
        } else {
            a = describe(it.a());
            b = describe(it.b());
        }
        return new ItemRow(i + 1, time, kind, a, b, decision(adj, i));
    }

    private String describe(Event e) {
        if (e == null) {
            return "\u2014";
        }
        return e.code() + " " + TimeFormat.moment(e.startMs())
                + (e.endMs() == null ? "" : "\u2013" + TimeFormat.moment(e.endMs()));
    }

    private String describe(NewEvent e) {
        if (e == null) {
            return text.getString("adjudication.edit.noEvent");
        }
        return e.code() + " " + TimeFormat.moment(e.startMs())
                + (e.endMs() == null ? "" : "\u2013" + TimeFormat.moment(e.endMs()));
    }

    private String decision(Adjudication adj, int i) {
        Adjudication.Resolution r = adj.resolution(i);
        Adjudication.Item it = adj.items().get(i);
        if (r.choice() == Adjudication.Choice.OPEN) {
            return text.getString("adjudication.decision.open");
        }
        String what;
        if (it.kind() == Adjudication.Kind.RATING) {
            Integer value = switch (r.choice()) {
                case A -> it.ratingA();
                case B -> it.ratingB();
                default -> r.rating();
            };
            what = value == null ? text.getString("adjudication.edit.noRating") : scale(it.scale()) + " " + value;
        } else {
            what = describe(adj.decidedEvent(i));
        }
        return switch (r.choice()) {
            case A -> MessageFormat.format(text.getString("adjudication.decision.a"), adj.coderA(), what);
            case B -> MessageFormat.format(text.getString("adjudication.decision.b"), adj.coderB(), what);
            default -> MessageFormat.format(text.getString("adjudication.decision.edited"), what);
        };
    }
}

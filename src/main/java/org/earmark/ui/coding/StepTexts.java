package org.earmark.ui.coding;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.earmark.codebook.Codebook;
import org.earmark.core.TimeFormat;
import org.earmark.session.Step;

/** How an undoable step reads in the hints and the Edit menu. */
final class StepTexts {

    private StepTexts() {
    }

    /** @param codebook the open file's, for a rating scale's label; {@code null} when none is open */
    static String describe(ResourceBundle text, Step step, Codebook codebook) {
        boolean rating = step.action().equals("rate");
        String at = rating ? (step.atMs() < 0 ? "\u2013" : Long.toString(step.atMs())) : TimeFormat.moment(step.atMs());
        // A rating step's subject is its scale's id (outcome_focus); the coder knows the scale by its label.
        String subject = rating && codebook != null
                ? codebook.rating(step.subject()).map(r -> r.label()).orElse(step.subject()) : step.subject();
        return MessageFormat.format(text.getString("step." + step.action()), subject, at);
    }
}

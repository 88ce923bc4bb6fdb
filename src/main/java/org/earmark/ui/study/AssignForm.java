package org.earmark.ui.study;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.earmark.storage.CoderNames;

/**
 * The Assign dialog's state and validation: coder names, the double-coded share (in percent) and
 * the seed. {@link #problem()} is empty when the form can be submitted.
 */
public final class AssignForm {

    /** What {@code earmark study assign} takes. */
    public record Request(List<String> coders, double share, long seed) {
        public Request {
            coders = List.copyOf(coders);
        }
    }

    private final ResourceBundle text;
    private final StringProperty coders = new SimpleStringProperty("");
    private final DoubleProperty sharePercent = new SimpleDoubleProperty(20);
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringBinding problem;
    private final BooleanBinding valid;

    public AssignForm(ResourceBundle text, List<String> currentCoders, long suggestedSeed) {
        this.text = text;
        coders.set(String.join(", ", currentCoders));
        seed.set(Long.toString(suggestedSeed));
        problem = Bindings.createStringBinding(this::check, coders, sharePercent, seed);
        valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    }

    private String check() {
        List<String> names = names();
        if (names.isEmpty()) {
            return text.getString("study.assign.problem.noCoders");
        }
        for (String name : names) {
            if (!name.matches(CoderNames.PATTERN)) {
                return MessageFormat.format(text.getString("study.assign.problem.badName"), name);
            }
            if (CoderNames.isReserved(name)) {
                return MessageFormat.format(text.getString("study.assign.problem.reserved"), name);
            }
        }
        var same = CoderNames.sameButForCase(names);
        if (same.isPresent()) {
            return same.get().get(0).equals(same.get().get(1)) ? text.getString("study.assign.problem.duplicate")
                    : MessageFormat.format(text.getString("study.assign.problem.caseOnly"), same.get().get(0),
                            same.get().get(1));
        }
        double share = sharePercent.get();
        if (!(share >= 0 && share <= 100)) {
            return text.getString("study.assign.problem.share");
        }
        if (share > 0 && names.size() < 2) {
            return text.getString("study.assign.problem.twoCoders");
        }
        try {
            Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            return text.getString("study.assign.problem.seed");
        }
        return "";
    }

    private List<String> names() {
        return Arrays.stream(coders.get().split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The request; only when {@link #validProperty()} is true. */
    public Request request() {
        if (!valid.get()) {
            throw new IllegalStateException(problem.get());
        }
        return new Request(names(), sharePercent.get() / 100.0, Long.parseLong(seed.get().strip()));
    }

    public StringProperty codersProperty() {
        return coders;
    }

    public DoubleProperty sharePercentProperty() {
        return sharePercent;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

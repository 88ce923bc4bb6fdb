package org.earmark.ui.coding.guide;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import org.earmark.model.Event;
import org.earmark.model.RecordingStatus;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.common.Settings;

/**
 * The first-run guide of the coding view: four steps (play, tag, undo, mark done), shown once on a machine, skippable
 * and shown again on request. A step moves on by itself when the coder does what it teaches.
 */
public final class GuideViewModel {

    /** The steps, in order; each names its texts in the resource bundle ({@code guide.play.title}, …). */
    public enum Step {
        PLAY, TAG, UNDO, DONE;

        public String key() {
            return "guide." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Settings settings;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.PLAY);

    public GuideViewModel(CodingViewModel coding, Settings settings) {
        this.settings = settings;
        coding.transport().playingProperty().addListener((obs, was, playing) -> {
            if (playing) {
                advanceFrom(Step.PLAY);
            }
        });
        coding.events().addListener((ListChangeListener<Event>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced()) {
                    advanceFrom(Step.TAG);
                }
            }
        });
        coding.canRedoProperty().addListener((obs, was, canRedo) -> {
            if (canRedo) {
                advanceFrom(Step.UNDO);
            }
        });
        coding.statusProperty().addListener((obs, was, now) -> {
            if (now == RecordingStatus.DONE && showing.get() && step.get() == Step.DONE) {
                skip();
            }
        });
    }

    /** Shows the guide if it has never been shown on this machine (and remembers that it has). */
    public void showIfFirstRun() {
        if (!settings.guideSeenProperty().get()) {
            show();
        }
    }

    /** Help ▸ Show the guide: from the first step. */
    public void show() {
        settings.guideSeenProperty().set(true);
        step.set(Step.PLAY);
        showing.set(true);
    }

    public void next() {
        if (step.get() == Step.DONE) {
            skip();
        } else {
            step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    public void back() {
        if (step.get().ordinal() > 0) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    /** Skip, Esc, or the last step finished. */
    public void skip() {
        showing.set(false);
    }

    private void advanceFrom(Step done) {
        if (showing.get() && step.get() == done) {
            next();
        }
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }
}

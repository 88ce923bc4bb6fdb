package org.earmark.ui.study.shared;

import javafx.scene.Node;

/** A screen shown as a tab of the study window, told when it is selected and when the study's coding changed. */
public interface Screen {

    Node view();

    /** The tab was selected. */
    void shown();

    /** A merge, an assignment or a saved consensus changed the study's coding. */
    void studyChanged();

    /** Asked before the window closes; false keeps it open. */
    default boolean mayClose() {
        return true;
    }

    /** The window has closed: stop work and free resources. */
    void close();
}

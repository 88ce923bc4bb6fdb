package org.earmark.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.session.CodingSession;

/**
 * What the app remembers between runs on this machine: the coder's reaction offset and the recently
 * opened files. Kept in Java preferences (a node the composition root chooses; tests use their own).
 */
public final class Settings {

    static final int MAX_RECENT = 8;
    private static final String OFFSET = "reactionOffsetMs";
    private static final String RECENT = "recent.";
    private static final String GUIDE_SEEN = "guideSeen";

    private final Preferences node;
    private final LongProperty reactionOffsetMs = new SimpleLongProperty();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanProperty guideSeen = new SimpleBooleanProperty();

    public Settings(Preferences node) {
        this.node = node;
        reactionOffsetMs.set(Math.max(0, Math.min(10_000,
                node.getLong(OFFSET, CodingSession.DEFAULT_REACTION_OFFSET_MS))));
        reactionOffsetMs.addListener((obs, was, now) -> node.putLong(OFFSET, now.longValue()));
        guideSeen.set(node.getBoolean(GUIDE_SEEN, false));
        guideSeen.addListener((obs, was, now) -> node.putBoolean(GUIDE_SEEN, now));
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = node.get(RECENT + i, null);
            if (p != null) {
                recentFiles.add(Path.of(p));
            }
        }
    }

    /** How many ms before the playhead a key press tags; 500 unless the coder changed it. */
    public LongProperty reactionOffsetMsProperty() {
        return reactionOffsetMs;
    }

    /** Whether the first-run guide of the coding view has been shown on this machine. */
    public BooleanProperty guideSeenProperty() {
        return guideSeen;
    }

    /** Most recent first. */
    public ObservableList<Path> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }

    public void addRecent(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(recentFiles);
        next.remove(absolute);
        next.add(0, absolute);
        recentFiles.setAll(next.subList(0, Math.min(MAX_RECENT, next.size())));
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recentFiles.size()) {
                node.put(RECENT + i, recentFiles.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
    }
}

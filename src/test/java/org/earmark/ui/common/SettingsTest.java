package org.earmark.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the app remembers between runs. */
class SettingsTest {

    private final Preferences node = Preferences.userRoot().node("org/earmark/test/" + UUID.randomUUID());

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutRepeatsAndAtMostEight() {
        Settings s = new Settings(node);
        for (int i = 0; i < 10; i++) {
            s.addRecent(Path.of("/data/f" + i + ".earmark"));
        }
        s.addRecent(Path.of("/data/f5.earmark"));
        assertEquals(Settings.MAX_RECENT, s.recentFiles().size());
        assertEquals(Path.of("/data/f5.earmark"), s.recentFiles().get(0));
        assertEquals(Path.of("/data/f9.earmark"), s.recentFiles().get(1));
        assertEquals(s.recentFiles(), new Settings(node).recentFiles(), "remembered");
    }

    @Test
    void theReactionOffsetIsHalfASecondUntilChanged() {
        Settings s = new Settings(node);
        assertEquals(500, s.reactionOffsetMsProperty().get());
        s.reactionOffsetMsProperty().set(300);
        assertEquals(300, new Settings(node).reactionOffsetMsProperty().get());
    }
}

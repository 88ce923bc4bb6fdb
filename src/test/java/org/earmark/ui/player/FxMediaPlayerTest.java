package org.earmark.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.earmark.ui.TestAudio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real javafx-media player: how its failures reach the coder. */
@ExtendWith(ApplicationExtension.class)
class FxMediaPlayerTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // The toolkit is running; no window is needed.
    }

    @Test
    void withoutASoundDeviceOpeningFailsAsNoDevice() throws Exception {
        Path wav = TestAudio.tones(dir.resolve("R-7Q3K.wav"), 1);
        Player opened = null;
        try {
            opened = FxMediaPlayer.open(wav, 1_000);
        } catch (PlaybackUnavailable e) {
            assertEquals(PlaybackUnavailable.Reason.NO_DEVICE, e.reason(), e.getMessage());
            return;
        }
        opened.dispose();
        Assumptions.abort("this machine has a sound device, so the player opened");
    }

    @Test
    void aMissingFileIsUnreadable() {
        PlaybackUnavailable e = assertThrows(PlaybackUnavailable.class,
                () -> FxMediaPlayer.open(dir.resolve("gone.wav"), 1_000));
        assertEquals(PlaybackUnavailable.Reason.UNREADABLE, e.reason());
    }
}

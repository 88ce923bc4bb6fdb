package org.earmark.ui.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.earmark.ui.DesktopApp;
import org.junit.jupiter.api.Test;

/** What the adjudication screen says when it cannot play for a reason other than no sound device. */
class SoundSlotTest {

    @Test
    void otherFailuresKeepTheirReason() {
        SoundSlot slot = new SoundSlot((audio, onError) -> {
            throw new IllegalStateException("java.io.IOException: unsupported codec");
        }, DesktopApp.messages());
        slot.open(Path.of("R-7Q3K.wav"));
        assertEquals("Sound is not available on this computer (unsupported codec). You can still adjudicate with the"
                + " timeline and the lists.", slot.message().get());
    }
}

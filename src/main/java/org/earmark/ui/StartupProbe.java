package org.earmark.ui;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For {@code earmark bench}: with {@code -Dearmark.bench.firstFrame=true}, prints the time from JVM
 * start to the first frame JavaFX renders after the main window is shown, then quits.
 */
final class StartupProbe {

    static final String PROPERTY = "earmark.bench.firstFrame";

    private StartupProbe() {
    }

    static void reportFirstFrameIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The second pulse comes after the first frame with the window on screen has been rendered.
                if (++pulses == 2) {
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-frame-ms " + ms);
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}

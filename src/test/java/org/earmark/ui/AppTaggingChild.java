package org.earmark.ui;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.earmark.model.Event;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A coder at the real window in a child process, headless: TestFX opens the coder file, starts playback and types the
 * code keys 1 and 2 in bursts. Whenever the window's indicator shows "Saved", it prints "saved ID" for every event
 * the coder can see that it has not printed yet — what the coder was told is safe. The parent kills it with SIGKILL.
 */
public final class AppTaggingChild {

    private AppTaggingChild() {
    }

    public static void main(String[] args) throws Exception {
        // What surefire sets for the in-process UI tests: Monocle, no display.
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        Path file = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));

        FxToolkit.registerPrimaryStage();
        AtomicReference<TestApp> app = new AtomicReference<>();
        FxToolkit.setupStage(stage -> app.set(TestApp.standard(stage)));
        MainViewModel model = app.get().model();
        CodingViewModel coding = model.coding();
        Set<UUID> printed = new HashSet<>();
        Runnable report = () -> {
            if (model.saveStateProperty().get() == MainViewModel.SaveState.SAVED) {
                StringBuilder out = new StringBuilder();
                for (Event e : coding.events()) {
                    if (printed.add(e.id())) {
                        out.append("saved ").append(e.id()).append('\n');
                    }
                }
                System.out.print(out);
                System.out.flush();
            }
        };
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            model.saveStateProperty().addListener((o, was, now) -> report.run());
            model.saveTextProperty().addListener((o, was, now) -> report.run());
            model.open(file);
        });
        TestApp.await("the recording is open", () -> coding.activeProperty().get());
        robot.type(KeyCode.SPACE);
        TestApp.await("playing", () -> coding.transport().playingProperty().get());
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            robot.type(i % 2 == 0 ? KeyCode.DIGIT1 : KeyCode.DIGIT2);
            if (random.nextInt(4) == 0) {
                Thread.sleep(random.nextInt(30)); // now and then a breath, so "Saved" shows between bursts
            }
        }
    }
}

package org.earmark.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.earmark.ui.TestApp;
import org.earmark.ui.TestCoderFiles;
import org.earmark.ui.coding.guide.GuideViewModel;
import org.earmark.ui.common.Settings;
import org.earmark.ui.main.MainViewModel;
import org.earmark.ui.main.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run guide through the real window, headless: it appears the first time a recording is open, moves on
 * as the coder plays, Esc dismisses it, Help brings it back, and it does not come back by itself. Help also shows
 * the codebook.
 */
@ExtendWith(ApplicationExtension.class)
class GuideJourneyTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private MainWindow window;
    private MainViewModel model;
    private TestApp app;

    @Start
    void start(Stage stage) {
        app = TestApp.withClock(stage, nanos::get);
        window = app.window();
        model = app.model();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        TestApp.await(what, condition);
    }

    private boolean guideShown(FxRobot robot) {
        return robot.lookup("#guide").tryQuery().map(Node::isVisible).orElse(false);
    }

    private void menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theGuideTeachesOnceCanBeSkippedAndComesBackFromHelp(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 6);
        robot.interact(() -> model.open(file));
        await("the recording is loaded", () -> model.coding().activeProperty().get());

        assertTrue(guideShown(robot), "first run: the guide is shown");
        assertEquals("Step 1 of 4", robot.lookup("#guide-step").queryAs(Label.class).getText());
        assertEquals("Play the recording", robot.lookup("#guide-title").queryAs(Label.class).getText());
        assertTrue(model.settings().guideSeenProperty().get(), "remembered, so a second run does not show it");

        robot.type(KeyCode.SPACE);
        await("the guide moves on once the coder plays", () -> window.guide().stepProperty().get()
                == GuideViewModel.Step.TAG);
        assertEquals("Tag what you hear", robot.lookup("#guide-title").queryAs(Label.class).getText());
        robot.type(KeyCode.SPACE);

        robot.type(KeyCode.ESCAPE);
        await("Esc dismisses the guide", () -> !guideShown(robot));

        menu(robot, "menu-guide");
        assertTrue(guideShown(robot), "Help ▸ Show the guide brings it back");
        assertEquals("Step 1 of 4", robot.lookup("#guide-step").queryAs(Label.class).getText());
        robot.clickOn("#guide-next");
        assertEquals(GuideViewModel.Step.TAG, window.guide().stepProperty().get());
        robot.clickOn("#guide-skip");
        await("Skip dismisses it", () -> !guideShown(robot));

        robot.interact(model::close);
        robot.interact(() -> model.open(file));
        await("the recording is loaded again", () -> model.coding().activeProperty().get());
        assertFalse(guideShown(robot), "not shown by itself a second time");
        assertTrue(new Settings(app.prefs()).guideSeenProperty().get(), "nor on the next run");
    }

    @Test
    void helpShowsTheCodebookWithEveryCodeAndTheRatings(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        robot.interact(() -> model.open(file));
        await("the file is open", () -> model.fileProperty().get() != null);
        menu(robot, "menu-codebook");
        await("the codebook window", () -> robot.lookup("#codebook-sheet").tryQuery().isPresent());
        var codebook = model.fileProperty().get().codebook();
        for (var c : codebook.codes()) {
            assertTrue(robot.lookup("#code-" + c.id()).tryQuery().isPresent(), c.id());
        }
        for (var r : codebook.ratings()) {
            assertTrue(robot.lookup("#rating-" + r.id()).tryQuery().isPresent(), r.id());
        }
        assertTrue(robot.lookup("Include:").tryQuery().isPresent());
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != window.stage()).toList()
                .forEach(w -> ((Stage) w).close()));
    }
}

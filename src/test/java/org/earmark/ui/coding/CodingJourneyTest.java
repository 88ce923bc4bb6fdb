package org.earmark.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.earmark.model.Event;
import org.earmark.ui.TestApp;
import org.earmark.ui.TestCoderFiles;
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
 * A coder's journey through the real window, headless: open a coder file with a speech recording,
 * play, tag with a code's key, see the marker and the table row, undo, redo, close, reopen — the
 * event is there. There is no sound device here, so the real player fails with a clear notice and
 * the playhead runs silently on a clock this test moves.
 */
@ExtendWith(ApplicationExtension.class)
class CodingJourneyTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private MainWindow window;
    private MainViewModel model;
    private CodingViewModel coding;
    private TestApp app;

    @Start
    void start(Stage stage) {
        app = TestApp.withClock(stage, nanos::get);
        window = app.window();
        model = app.model();
        coding = model.coding();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        TestApp.await(what, condition);
    }

    private void openAndWait(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> model.open(file));
        await("the recording is loaded", () -> coding.activeProperty().get());
        await("the waveform is shown", () -> coding.timeline().peaksProperty().get() != null);
    }

    @Test
    void playTagUndoRedoCloseReopen(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 8);
        openAndWait(robot, file);
        assertEquals("R-7Q3K", robot.lookup("#recording-id").queryAs(Label.class).getText());
        boolean silent = !coding.transport().audibleProperty().get();
        if (silent) {
            String notice = robot.lookup("#notice").queryAs(Label.class).getText();
            assertTrue(notice.startsWith("No sound device was found, so R-7Q3K plays without sound"), notice);
            assertTrue(robot.lookup("#silent").queryAs(Label.class).isVisible());
        }

        robot.type(KeyCode.SPACE);
        await("playing", () -> coding.transport().playingProperty().get());
        nanos.addAndGet(3_000_000_000L); // three seconds pass
        if (!silent) {
            Thread.sleep(3_000);
        }
        robot.type(KeyCode.DIGIT1);
        await("the tag appears", () -> coding.events().size() == 1);
        Event tagged = coding.events().get(0);
        assertEquals("OFQ", tagged.code());
        if (silent) {
            assertEquals(2_500, tagged.startMs(), "three seconds in, minus the 0.5 s reaction offset");
        }
        TableView<?> table = robot.lookup("#events").queryTableView();
        assertEquals(1, table.getItems().size(), "the table row");
        assertTrue(robot.lookup("OFQ").tryQuery().isPresent(), "the code is drawn in the table");
        robot.type(KeyCode.SPACE);
        await("paused", () -> !coding.transport().playingProperty().get());
        assertMarkerDrawn(robot, tagged, Color.web("#0072B2"));
        await("saved", () -> model.saveTextProperty().get().startsWith("Saved "));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await("undone", () -> coding.events().isEmpty());
        assertEquals(0, table.getItems().size());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        await("redone", () -> coding.events().size() == 1);
        assertEquals(tagged.id(), coding.events().get(0).id());
        await("saved again", () -> model.saveTextProperty().get().startsWith("Saved "));

        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        await("closed", () -> model.fileProperty().get() == null);
        assertFalse(coding.activeProperty().get());

        openAndWait(robot, file);
        List<Event> reopened = coding.events();
        assertEquals(1, reopened.size(), "the event is there after reopening");
        assertEquals(tagged.id(), reopened.get(0).id());
        assertEquals(tagged.startMs(), reopened.get(0).startMs());
    }

    @Test
    void keysMoveReCodeNoteAndDeleteTheSelectedEvent(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "bob.earmark", 8);
        openAndWait(robot, file);
        robot.interact(() -> coding.transport().seek(4_000));
        robot.type(KeyCode.DIGIT2);
        await("tagged", () -> coding.events().size() == 1);
        assertEquals(3_500, coding.events().get(0).startMs());
        robot.type(KeyCode.PERIOD).type(KeyCode.PERIOD).type(KeyCode.COMMA);
        await("nudged", () -> coding.events().get(0).startMs() == 3_600);
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT3).release(KeyCode.SHIFT);
        await("re-coded", () -> coding.events().get(0).code().equals("TASK"));
        robot.type(KeyCode.ENTER);
        await("editing the note", () -> robot.lookup(".text-field").tryQuery().isPresent()
                && robot.lookup("#events").queryTableView().getEditingCell() != null);
        robot.write("asked twice").type(KeyCode.ENTER);
        await("noted", () -> coding.events().get(0).note().equals("asked twice"));
        robot.type(KeyCode.DELETE);
        await("deleted", () -> coding.events().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertTrue(coding.events().isEmpty(), "nothing to redo after a new step");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await("restored", () -> coding.events().size() == 1);
        assertEquals("asked twice", coding.events().get(0).note());
    }

    @Test
    void aSpanKeyStartsAndEndsASpanAndAMarkerCanBeDragged(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "dan.earmark", 8);
        openAndWait(robot, file);
        robot.interact(() -> coding.transport().seek(1_500));
        robot.type(KeyCode.C);
        await("span started", () -> coding.events().size() == 1);
        robot.interact(() -> coding.transport().seek(6_500));
        robot.type(KeyCode.C);
        await("span ended", () -> coding.events().get(0).endMs() == 6_000L);
        assertEquals(1_000, coding.events().get(0).startMs());

        robot.interact(() -> coding.transport().seek(3_000));
        robot.type(KeyCode.DIGIT4);
        await("tagged", () -> coding.events().size() == 2);
        Event refl = coding.events().stream().filter(e -> e.code().equals("REFL")).findFirst().orElseThrow();
        var view = robot.lookup("#timeline").queryAs(org.earmark.ui.coding.timeline.TimelineView.class);
        Point2D centre = WaitForAsyncUtils.asyncFx(() -> view.markerCentre(refl.id())).get(5, TimeUnit.SECONDS)
                .orElseThrow();
        Point2D onScreen = view.detailCanvas().localToScreen(centre);
        robot.drag(onScreen, javafx.scene.input.MouseButton.PRIMARY).moveBy(60, 0).drop();
        await("dragged later", () -> coding.events().stream().anyMatch(e -> e.code().equals("REFL")
                && e.startMs() > refl.startMs() + 500));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        await("drag undone", () -> coding.events().stream().anyMatch(e -> e.code().equals("REFL")
                && e.startMs() == refl.startMs()));
    }

    @Test
    void editingTheSelectedEventAmongManyKeepsItSelectedAndTheRecordingOpen(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "erin.earmark", 8);
        openAndWait(robot, file);
        for (int i = 1; i <= 6; i++) {
            long at = i * 1_000L + 500;
            robot.interact(() -> coding.transport().seek(at));
            robot.type(i % 2 == 0 ? KeyCode.DIGIT2 : KeyCode.DIGIT1);
        }
        await("six tags", () -> coding.events().size() == 6);
        robot.type(KeyCode.UP).type(KeyCode.UP).type(KeyCode.UP);
        await("third tag selected", () -> coding.selectedEvent().map(Event::startMs).orElse(-1L) == 3_000L);
        UUID id = coding.selectedProperty().get();
        for (int i = 0; i < 15; i++) {
            robot.type(KeyCode.PERIOD); // past its neighbours: the rows reorder under the selection
        }
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT3).release(KeyCode.SHIFT);
        await("moved and re-coded", () -> coding.selectedEvent().map(e -> e.startMs() == 4_500 && e.code()
                .equals("TASK")).orElse(false));
        assertEquals(id, coding.selectedProperty().get(), "the same event stays selected");
        assertEquals(3_000, coding.transport().positionProperty().get(), "the playhead did not jump");
        assertEquals("R-7Q3K", model.selectedRecordingProperty().get(), "the recording stays open");
        TableView<?> table = robot.lookup("#events").queryTableView();
        assertEquals(id, ((Event) table.getSelectionModel().getSelectedItem()).id(), "the table shows it selected");

        TableView<?> recordings = robot.lookup("#recordings").queryTableView();
        robot.clickOn(robot.lookup("R-2MXD").queryLabeled());
        await("the other recording opens", () -> "R-2MXD".equals(model.selectedRecordingProperty().get())
                && coding.activeProperty().get());
        assertEquals(1, recordings.getSelectionModel().getSelectedIndex());
        assertEquals(6, model.recordings().get(0).events());
    }

    /**
     * Clicking the selected event's row opened its time editor; Enter (to write a note, as the guide says) closed
     * it, and the note typed then tagged events and started playback. And a note typed and left by clicking another
     * recording was dropped.
     */
    @Test
    void aClickOnTheSelectedRowDoesNotEditAndANoteSurvivesClickingAway(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "fay.earmark", 8);
        openAndWait(robot, file);
        robot.interact(() -> coding.transport().seek(4_000));
        robot.type(KeyCode.DIGIT1);
        await("tagged", () -> coding.events().size() == 1);
        TableView<?> table = robot.lookup("#events").queryTableView();
        javafx.scene.Node timeCell = robot.lookup("#events .table-row-cell .table-cell").nth(0).query();
        robot.clickOn(timeCell); // the tag is selected already: a single click on its row
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table.getEditingCell(), "a click on the selected row edits nothing");
        robot.type(KeyCode.ENTER);
        await("editing the note", () -> table.getEditingCell() != null
                && table.getEditingCell().getTableColumn().getId().equals("col-note"));
        robot.write("a c 2 c");
        robot.clickOn(robot.lookup("R-2MXD").queryLabeled());
        await("the other recording opens", () -> "R-2MXD".equals(model.selectedRecordingProperty().get()));
        assertFalse(coding.transport().playingProperty().get(), "no key of the note reached the player");
        robot.clickOn(robot.lookup("R-7Q3K").queryLabeled());
        await("back", () -> "R-7Q3K".equals(model.selectedRecordingProperty().get()) && coding.activeProperty().get()
                && coding.events().size() == 1);
        assertEquals(1, coding.events().size(), "the note's letters tagged nothing");
        assertEquals("a c 2 c", coding.events().get(0).note(), "kept when the coder clicked away");
        // A double-click still edits a time: checked by hand in the app under Xvfb (xdotool); the robot's
        // double-click on the headless screen was not reliably counted as one when the whole suite ran.
    }

    /** The button said "Mark recording done" whether or not the recording was done; only its colour changed. */
    @Test
    void theDoneButtonSaysWhetherTheRecordingIsDone(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "dora.earmark", 4);
        openAndWait(robot, file);
        javafx.scene.control.ToggleButton done = robot.lookup("#mark-done").queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("\u2713 Mark recording done", done.getText());
        robot.clickOn(done);
        await("marked done", () -> done.getText().equals("\u2713 Done \u2014 click to reopen"));
        robot.clickOn(done);
        await("reopened", () -> done.getText().equals("\u2713 Mark recording done"));
    }

    @Test
    void theShortcutsOverlayOpensWithF1AndQuestionMark(FxRobot robot) throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "carol.earmark", 4);
        openAndWait(robot, file);
        robot.type(KeyCode.F1);
        await("overlay shown", () -> window.coding().overlay().isVisible());
        assertTrue(robot.lookup("Play or pause").tryQuery().isPresent());
        assertTrue(robot.lookup("OFQ \u2014 Outcomes-focused question").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        await("overlay hidden", () -> !window.coding().overlay().isVisible());
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        await("overlay shown by ?", () -> window.coding().overlay().isVisible());
    }

    private void assertMarkerDrawn(FxRobot robot, Event event, Color expected) throws Exception {
        var view = robot.lookup("#timeline").queryAs(org.earmark.ui.coding.timeline.TimelineView.class);
        WaitForAsyncUtils.waitForFxEvents(5);
        Point2D centre = WaitForAsyncUtils.asyncFx(() -> view.markerCentre(event.id())).get(5, TimeUnit.SECONDS)
                .orElseThrow(() -> new AssertionError("marker not in view"));
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> view.detailCanvas().snapshot(null, null))
                .get(5, TimeUnit.SECONDS);
        Color pixel = image.getPixelReader().getColor((int) centre.getX(), (int) centre.getY());
        assertTrue(Math.abs(pixel.getRed() - expected.getRed()) < 0.12
                && Math.abs(pixel.getGreen() - expected.getGreen()) < 0.12
                && Math.abs(pixel.getBlue() - expected.getBlue()) < 0.12,
                "the marker is drawn in its code's colour at " + centre + ": " + pixel);
    }
}

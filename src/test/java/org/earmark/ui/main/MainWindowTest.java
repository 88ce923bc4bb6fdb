package org.earmark.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.earmark.ui.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real window, headless: open a coder file and see its recordings. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;

    private TestApp app;
    private MainWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        app = TestApp.standard(stage);
        window = app.window();
        model = app.model();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
    }

    /**
     * On a 1366×768 laptop (about 1366×700 left for the window) the done button and the status line were pushed off
     * the bottom, and a long hint squeezed the player's buttons and time into "…".
     */
    @Test
    void onASmallScreenTheDoneButtonTheStatusLineAndThePlayerStayWhole(FxRobot robot) throws Exception {
        Path file = dir.resolve("small.earmark");
        TestFiles.create(file).close();
        robot.interact(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(680);
            model.open(file);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.fileProperty().get() != null);
        robot.interact(() -> model.coding().hintProperty().set("Undone: rate Global outcomes focus as 4"
                + " and a good deal more text than the bar has room for, as long hints are"));
        WaitForAsyncUtils.waitForFxEvents();
        double height = window.stage().getScene().getHeight();
        for (String id : new String[] {"#mark-done", "#status"}) {
            javafx.scene.Node node = robot.lookup(id).query();
            javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
            assertTrue(b.getMaxY() <= height + 0.5 && b.getHeight() > 10, id + " at " + b + " in a window "
                    + height + " high");
        }
        for (String id : new String[] {"#play", "#back-5", "#forward-5", "#time", "#recording-id"}) {
            javafx.scene.control.Labeled l = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
            assertTrue(!l.getText().isEmpty() && l.getWidth() + 0.5 >= l.prefWidth(-1), id + " is squeezed: "
                    + l.getWidth() + " < " + l.prefWidth(-1));
        }
    }

    @Test
    void theReactionOffsetFieldSaysWhatItTakesAndKeepsOkOffUntilThen(FxRobot robot) throws Exception {
        // Made and shown on the FX thread, not waited for: it waits there for an answer.
        javafx.application.Platform.runLater(() -> new ReactionOffsetDialog(window.stage(), model.settings(),
                org.earmark.ui.DesktopApp.messages()).ask());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#offset-seconds").tryQuery().isPresent());
        javafx.scene.control.Spinner<?> field = robot.lookup("#offset-seconds").queryAs(javafx.scene.control.Spinner.class);
        javafx.scene.Node ok = robot.lookup("#offset-dialog .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.isDefaultButton()).query();
        robot.interact(() -> field.getEditor().setText("abc"));
        assertTrue(ok.isDisabled());
        assertEquals("Give a number of seconds from 0 to 3, such as 0.5.",
                robot.lookup("#offset-problem").queryAs(Label.class).getText());
        robot.interact(() -> field.getEditor().setText("0,8"));
        assertTrue(!ok.isDisabled() && robot.lookup("#offset-problem").queryAs(Label.class).getText().isEmpty());
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.settings().reactionOffsetMsProperty().get() == 800);
    }

    /** Help ▸ Codebook could only be closed with the mouse. */
    @Test
    void theCodebookWindowClosesWithEscapeOrCtrlW(FxRobot robot) throws Exception {
        for (javafx.scene.input.KeyCode[] keys : new javafx.scene.input.KeyCode[][] {
            {javafx.scene.input.KeyCode.ESCAPE}, {javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W}}) {
            Stage[] sheet = new Stage[1];
            robot.interact(() -> sheet[0] = org.earmark.ui.coding.codebook.CodebookSheet.show(window.stage(),
                    TestFiles.CODEBOOK, org.earmark.ui.DesktopApp.messages()));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sheet[0].isShowing());
            robot.interact(sheet[0]::requestFocus);
            robot.targetWindow(sheet[0]).press(keys).release(keys);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !sheet[0].isShowing());
        }
    }

    @Test
    void opensACoderFileAndListsItsRecordings(FxRobot robot) throws Exception {
        Path file = dir.resolve("alice.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
            f.add(NewEvent.point("R-7Q3K", "RISK", 2_000));
            f.setStatus("R-2MXD", RecordingStatus.DONE);
        }
        robot.interact(() -> model.open(file));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.fileProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        assertEquals(2, table.getItems().size());
        assertEquals(new RecordingRow("R-7Q3K", "10:00", RecordingStatus.IN_PROGRESS, 2), table.getItems().get(0));
        assertEquals(new RecordingRow("R-2MXD", "5:00", RecordingStatus.DONE, 0), table.getItems().get(1));
        assertTrue(robot.lookup("in progress").tryQuery().isPresent());
        String status = robot.lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("alice") && !status.contains("done"), "the progress line alone counts: " + status);
        assertEquals("Earmark \u2014 alice.earmark", ((Stage) table.getScene().getWindow()).getTitle());
        assertEquals("R-7Q3K", model.selectedRecordingProperty().get(), "the first recording not done is opened");
        assertEquals("1 of 2 done", robot.lookup("#progress").queryAs(Label.class).getText());
        assertEquals(java.util.List.of(file.toAbsolutePath()), model.settings().recentFiles());
    }

    @Test
    void withNoFileGivenTheUsersOwnCopyOfTheDemoOpens(FxRobot robot) throws Exception {
        Path home = dir.resolve("earmark home");
        String before = System.getProperty("earmark.home");
        System.setProperty("earmark.home", home.toString());
        try {
            robot.interact(() -> model.start(java.util.List.of()));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.fileProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            if (before == null) {
                System.clearProperty("earmark.home");
            } else {
                System.setProperty("earmark.home", before);
            }
        }
        TableView<RecordingRow> table = robot.lookup("#recordings").queryTableView();
        assertEquals(3, table.getItems().size(), "the demo's three recordings");
        assertTrue(model.fileProperty().get().path().toAbsolutePath().startsWith(home.toAbsolutePath()),
                model.fileProperty().get().path().toString());
        assertEquals(home.resolve("your-coding/you.earmark").toAbsolutePath(), model.settings().recentFiles().get(0));
    }

    @Test
    void withNoFileGivenTheMostRecentFileOpens(FxRobot robot) throws Exception {
        Path file = dir.resolve("alice.earmark");
        TestFiles.create(file).close();
        model.settings().addRecent(dir.resolve("gone.earmark"));
        model.settings().addRecent(file);
        robot.interact(() -> model.start(java.util.List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.fileProperty().get() != null);
        assertEquals(file.toAbsolutePath(), model.fileProperty().get().path().toAbsolutePath());
    }

    @Test
    void aPackageIsUnpackedBesideItselfAndOpenedAndItsCodingKeptTheNextTime(FxRobot robot) throws Exception {
        Path pkg = org.earmark.study.PackageOpenerBesideTest.makePackage(dir, "ann.earmark-package", "ann");
        robot.interact(() -> model.start(java.util.List.of(pkg.toString())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.fileProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Path unpacked = dir.resolve("ann/ann.earmark").toAbsolutePath();
        assertEquals(unpacked, model.fileProperty().get().path().toAbsolutePath());
        assertEquals(2, robot.lookup("#recordings").queryTableView().getItems().size());
        robot.interact(model::close);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> { // the coder codes; the file is let go of in the background
            try (CoderFile f = CoderFile.open(unpacked)) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
                return true;
            } catch (org.earmark.core.EarmarkException inUse) {
                return false;
            }
        });

        robot.interact(() -> model.openAny(pkg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.fileProperty().get() != null
                && model.recordings().stream().anyMatch(r -> r.events() == 1));
        assertEquals(unpacked, model.fileProperty().get().path().toAbsolutePath());
    }

    @Test
    void aFileThatIsNotACoderFileShowsAClearMessage(FxRobot robot) throws Exception {
        Path notOurs = dir.resolve("notes.earmark");
        java.nio.file.Files.writeString(notOurs, "{\"just\": \"json\"}");
        robot.interact(() -> model.open(notOurs));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        String message = robot.lookup("#error-dialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertTrue(message.contains("is not an Earmark coder file: it is a JSON or text file"), message);
        assertEquals(null, model.fileProperty().get());
    }
}

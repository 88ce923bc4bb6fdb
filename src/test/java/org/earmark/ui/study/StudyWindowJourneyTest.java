package org.earmark.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.earmark.audio.WaveformDecoder;
import org.earmark.model.Event;
import org.earmark.storage.StudyFile;
import org.earmark.study.StudyFolder;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.adjudication.ItemRow;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.results.ResultRows;
import org.earmark.ui.study.shared.OpenStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Through the real study window, headless: open a generated study, see recordings and coders,
 * merge coder files dropped on the window, see the agreement, unblind after confirming, see the
 * group summary — and before that, no text anywhere in the window shows an allocation value.
 */
@ExtendWith(ApplicationExtension.class)
class StudyWindowJourneyTest {

    private static final ResourceBundle TEXT = DesktopApp.messages();

    @TempDir
    Path tmp;
    private Background background;
    private StudyWindow window;

    @Start
    void start(Stage stage) {
        background = Background.forFx();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200); // the study file is closed by a background job
        background.close();
    }

    private StudyWindow open(FxRobot robot, TestStudy fixture) throws Exception {
        StudyWindows windows = new StudyWindows(background, TEXT, new ErrorReporter(TEXT), Clock.systemUTC(),
                audio -> null, WaveformDecoder::compute, (audio, onError) -> {
                    throw new IllegalStateException("MediaException: Could not create player!");
                }, () -> 42);
        OpenStudy study = OpenStudy.open(fixture.studyDir, Clock.systemUTC());
        robot.interact(() -> window = windows.show(study));
        TableView<?> recordings = robot.lookup("#study-recordings").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> recordings.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    @Test
    void leadJourneyFromMergeToUnblindedSummary(FxRobot robot) throws Exception {
        TestStudy fixture = TestStudy.create(tmp);
        open(robot, fixture);

        TableView<RecordingRow> recordings = robot.lookup("#study-recordings").queryTableView();
        assertEquals(List.of("R-AAAA", "R-BBBB", "R-CCCC"), recordings.getItems().stream().map(RecordingRow::id)
                .toList());
        assertTrue(robot.lookup("R-AAAA").tryQuery().isPresent(), "the id is drawn in the table");
        TableView<CoderRow> coders = robot.lookup("#study-coders").queryTableView();
        assertEquals(List.of("a", "b"), coders.getItems().stream().map(CoderRow::coder).toList());
        assertTrue(window.stage().getTitle().contains("UI test study"), window.stage().getTitle());

        robot.interact(() -> window.drop(List.of(fixture.coderFileA.toFile(), fixture.coderFileB.toFile(),
                tmp.resolve("a.zip").toFile())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> recordings.getItems().get(0).events().get("a") == 4
                && recordings.getItems().get(0).events().get("b") == 4);
        WaitForAsyncUtils.waitForFxEvents();
        var log = robot.lookup("#study-log").queryListView();
        assertTrue(log.getItems().get(0).toString().startsWith("a.earmark: coder a \u2014 10 new"),
                log.getItems().toString());
        assertTrue(robot.lookup("Events a").tryQuery().isPresent(), "a column of merged events per coder");

        visitEveryScreen(robot);
        String shown = allText();
        for (String secret : TestStudy.SECRETS) {
            assertFalse(shown.contains(secret), secret + " is shown before unblinding");
        }
        assertTrue(shown.contains("R-AAAA") && shown.contains("0.500"), "the scan sees the window's text");

        robot.clickOn("#tab-results");
        robot.clickOn("#results-tab-agreement");
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#results-agreement-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("2 double-coded recordings (coders a, b)") && summary.contains("Of 6 units, 4 were"
                + " matched pairs (3 with the same code) and 2 were unpaired events"), summary);
        TableView<ResultRows.Stat> overall = robot.lookup("#results-overall").queryTableView();
        assertTrue(overall.getItems().contains(new ResultRows.Stat("Percent agreement", "0.500")));
        assertTrue(robot.lookup("0.500").tryQuery().isPresent(), "percent agreement is drawn");
        BarChart<?, ?> f1 = robot.lookup("#results-f1-chart").queryAs(BarChart.class);
        assertTrue(f1.getData().get(0).getData().stream().anyMatch(d -> d.getXValue().equals("OFQ")
                && ((Number) d.getYValue()).doubleValue() == 0.8));

        robot.clickOn("#results-tab-groups");
        robot.clickOn("#results-unblind");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#unblind-dialog").tryQuery().isPresent());
        String question = robot.lookup("#unblind-dialog").queryAs(DialogPane.class).getContentText();
        assertTrue(question.contains("reveals the allocation columns: arm, team.") && question.contains("audit log"),
                question);
        robot.clickOn("#unblind-confirm");
        TableView<ResultRows.Summary> table = robot.lookup("#results-summary").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().anyMatch(s -> s.group().equals("Arm-Beta-UsualCare")));
        javafx.scene.layout.TilePane charts = robot.lookup("#results-group-charts").queryAs(
                javafx.scene.layout.TilePane.class);
        assertEquals(5, charts.getChildren().size(), "a chart per metric");
        BarChart<?, ?> first = (BarChart<?, ?>) charts.getChildren().get(0);
        assertEquals(List.of("Arm-Alpha-Intervention", "Arm-Beta-UsualCare"), first.getData().get(0).getData()
                .stream().map(d -> d.getXValue()).toList(), "the mean of each arm");
        assertTrue(allText().contains("Arm-Alpha-Intervention"), "shown once unblinded");
        try (StudyFile study = openAfterClose()) {
            assertTrue(study.audit().stream().anyMatch(e -> e.action().equals("unblind")));
        }
    }

    @Test
    void ctrlWClosesTheStudyWindow(FxRobot robot) throws Exception {
        TestStudy fixture = TestStudy.create(tmp);
        StudyWindow opened = open(robot, fixture);
        robot.interact(() -> opened.stage().requestFocus());
        robot.targetWindow(opened.stage()).press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.stage().isShowing());
    }

    /** Choosing another recording or coder dropped the settled disagreements without a word. */
    @Test
    void unsavedDecisionsAreKeptUnlessTheLeadAgreesToDropThem(FxRobot robot) throws Exception {
        TestStudy fixture = TestStudy.create(tmp).mergeAll();
        open(robot, fixture);
        robot.clickOn("#tab-adjudication");
        TableView<ItemRow> items = robot.lookup("#adjudication-items").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == 4);
        robot.clickOn(robot.lookup("#adjudication-items .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        String decided = items.getItems().get(0).decision();
        javafx.scene.control.ComboBox<?> coderA = robot.lookup("#adjudication-coder-a").queryAs(
                javafx.scene.control.ComboBox.class);
        Object before = coderA.getValue();
        // Not robot.interact: the question waits on the FX thread, so the change must not be waited for.
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.ComboBox<String>) coderA).setValue("b"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertTrue(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getHeaderText()
                .startsWith("Compare again without saving"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Cancel")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, coderA.getValue(), "Cancel keeps the comparison");
        assertEquals(decided, items.getItems().get(0).decision(), "and the decision");
    }

    @Test
    void adjudicatesWithTheKeyboardAndSavesTheConsensus(FxRobot robot) throws Exception {
        TestStudy fixture = TestStudy.create(tmp).mergeAll();
        open(robot, fixture);
        robot.clickOn("#tab-adjudication");
        TableView<ItemRow> items = robot.lookup("#adjudication-items").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        String sound = robot.lookup("#adjudication-sound").queryAs(Label.class).getText();
        assertTrue(sound.equals(TEXT.getString("adjudication.sound.noDevice"))
                || sound.startsWith("Sound is not available on this computer"), sound);
        robot.clickOn(robot.lookup("#adjudication-items .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.N, KeyCode.P);
        assertEquals(0, items.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.A, KeyCode.B, KeyCode.B, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("a\u2019s version: CASE 00:00.0\u201300:30.0", "b\u2019s version: (no event)",
                "b\u2019s version: OTHQ 00:50.0", "a\u2019s version: Global outcomes focus 4"), items.getItems().stream()
                .map(ItemRow::decision).toList());
        robot.type(KeyCode.P, KeyCode.SPACE); // back from the rating to an event, then play around it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TEXT.getString("adjudication.sound.none"), robot.lookup("#adjudication-status")
                .queryAs(Label.class).getText());
        robot.clickOn("#adjudication-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#adjudication-status")
                .queryAs(Label.class).getText().startsWith("Consensus of R-AAAA saved"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tab-study");
        TableView<RecordingRow> recordings = robot.lookup("#study-recordings").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> recordings.getItems().get(0).events()
                .containsKey("consensus"));
        assertEquals(4, recordings.getItems().get(0).events().get("consensus")); // CASE, OFQ, TASK, OTHQ
        try (StudyFile study = openAfterClose()) {
            assertEquals(List.of("CASE", "OFQ", "TASK", "OTHQ"), study.events(StudyFile.CONSENSUS, "R-AAAA").stream()
                    .map(Event::code).toList());
        }
    }

    /** Closes the window (which closes the study) and opens the study file directly. */
    private StudyFile openAfterClose() throws Exception {
        Path dir = tmp.resolve("study");
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        window = null;
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 50; i++) {
            try {
                return StudyFolder.open(dir, Clock.systemUTC());
            } catch (RuntimeException stillOpen) {
                Thread.sleep(100);
            }
        }
        return StudyFolder.open(dir, Clock.systemUTC());
    }

    private void visitEveryScreen(FxRobot robot) {
        for (String tab : List.of("#tab-results", "#results-tab-agreement", "#results-tab-fidelity",
                "#results-tab-groups", "#tab-adjudication", "#tab-study")) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getScene().getRoot()
                        .lookupAll(".progress-bar").stream().noneMatch(Node::isVisible));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(e);
            }
            allTextSoFar.append(allText());
        }
    }

    private final StringBuilder allTextSoFar = new StringBuilder();

    /** Every text in every window: labels, cells, fields, chart and canvas-free text nodes, table rows' values. */
    private String allText() {
        StringBuilder all = new StringBuilder(allTextSoFar);
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w.getScene() != null) {
                collect(w.getScene().getRoot(), all);
            }
        }
        return all.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Labeled l) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof Text t) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof TableView<?> t) {
            t.getItems().forEach(i -> out.append(i).append('\n'));
        }
        if (node instanceof ComboBoxBase<?> c) {
            out.append(c.getValue()).append('\n');
        }
        if (node instanceof BarChart<?, ?> c) {
            c.getData().forEach(s -> out.append(s.getName()).append(s.getData()).append('\n'));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}

package org.earmark.ui.study;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.study.shared.OpenStudy;

/**
 * Not a test: opens a study window on a real display and walks through its screens, taking a
 * screenshot of the whole screen (ImageMagick {@code import}) at each step. For looking at the
 * screens under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp target/test-classes:target/earmark.jar
 * org.earmark.ui.study.StudyWindowDemo STUDY_DIR CODER_FILE_TO_DROP OUT_PREFIX}.
 */
public final class StudyWindowDemo {

    private StudyWindowDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        private final AtomicReference<StudyWindow> window = new AtomicReference<>();

        @Override
        public void start(Stage primary) throws Exception {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            List<String> a = getParameters().getUnnamed();
            Path dir = Path.of(a.get(0));
            Path drop = Path.of(a.get(1));
            String out = a.get(2);
            var text = DesktopApp.messages();
            Background background = Background.forFx();
            StudyWindows windows = StudyWindows.standard(background, text, new ErrorReporter(text));
            window.set(windows.show(OpenStudy.open(dir, java.time.Clock.systemUTC())));
            window.get().stage().setX(0);
            window.get().stage().setY(0);
            window.get().stage().setWidth(1400);
            window.get().stage().setHeight(900);
            Timeline steps = new Timeline(
                    at(2, () -> window.get().drop(List.of(drop.toFile()))),
                    at(5, () -> shot(out + "-1-study.png")),
                    at(6, () -> window.get().select("results")),
                    at(9, () -> shot(out + "-2-agreement.png")),
                    at(10, () -> tab("results-tab-fidelity")),
                    at(12, () -> shot(out + "-3-fidelity.png")),
                    at(13, () -> tab("results-tab-groups")),
                    at(15, () -> shot(out + "-4-blind.png")),
                    at(16, () -> Platform.runLater(() -> fire("#results-unblind"))),
                    at(18, () -> shot(out + "-5-unblind-confirm.png")),
                    at(19, () -> fireInDialogs("unblind-confirm")),
                    at(22, () -> shot(out + "-6-groups.png")),
                    at(23, () -> window.get().select("adjudication")),
                    at(28, () -> shot(out + "-7-adjudication.png")),
                    at(29, () -> fire("#adjudication-acceptA")),
                    at(29.3, () -> fire("#adjudication-acceptB")),
                    at(29.6, () -> fire("#adjudication-next")),
                    at(31, () -> shot(out + "-8-adjudication-decided.png")),
                    at(32, () -> Platform.exit()));
            steps.play();
        }

        private static KeyFrame at(double seconds, Runnable r) {
            return new KeyFrame(Duration.seconds(seconds), e -> r.run());
        }

        private void fire(String id) {
            var node = window.get().stage().getScene().lookup(id);
            if (node instanceof ButtonBase b) {
                b.fire();
            }
        }

        private void tab(String id) {
            for (var node : window.get().stage().getScene().getRoot().lookupAll(".tab-pane")) {
                for (Tab t : ((TabPane) node).getTabs()) {
                    if (id.equals(t.getId())) {
                        t.getTabPane().getSelectionModel().select(t);
                    }
                }
            }
        }

        private static void fireInDialogs(String id) {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().lookup("#" + id) instanceof Button b) {
                    b.fire();
                }
            }
        }

        private static void shot(String file) {
            try {
                new ProcessBuilder("import", "-window", "root", file).inheritIO().start().waitFor();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

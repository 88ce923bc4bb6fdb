package org.earmark.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.earmark.session.SaveQueue;
import org.earmark.session.SoloCoderFile;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.coding.RecordingLoader;
import org.earmark.ui.coding.timeline.PeaksSource;
import org.earmark.ui.coding.timeline.DecoderPeaksSource;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.common.Settings;
import org.earmark.ui.main.MainViewModel;
import org.earmark.ui.main.MainWindow;
import org.earmark.ui.newfile.AudioDurations;
import org.earmark.ui.newfile.NewFileCreator;
import org.earmark.ui.player.FxMediaPlayer;
import org.earmark.ui.player.PlayerFactory;
import org.earmark.ui.study.StudyWindows;

/** The desktop application and its composition root: every service is made here and handed down. */
public final class DesktopApp extends Application {

    /**
     * The replaceable parts of the app: the app uses {@link #standard}, tests swap the player, the
     * clock that drives a silent playhead, and the preferences node.
     */
    public record Services(Background background, Settings settings, PlayerFactory players, LongSupplier nanoTime,
            PeaksSource peaks, SoloCoderFile.DurationProbe durations, Clock clock) {

        public static Services standard(Background background, Preferences preferences) {
            return new Services(background, new Settings(preferences), FxMediaPlayer::open, System::nanoTime,
                    new DecoderPeaksSource(), new AudioDurations(), Clock.systemUTC());
        }
    }

    private Background background;
    private MainViewModel model;
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    public static ResourceBundle messages() {
        return ResourceBundle.getBundle("org.earmark.ui.messages");
    }

    /** Builds the main window and everything behind it; saves go through one queue per open file. */
    public static MainWindow compose(Stage stage, Services s, ResourceBundle text) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CodingViewModel coding = new CodingViewModel(new RecordingLoader.Parts(s.background(), s.players(),
                s.nanoTime(), s.peaks()), s.settings(), s.clock(), text);
        MainViewModel model = new MainViewModel(s.background(), text, s.settings(), coding,
                file -> SaveQueue.start(file, Platform::runLater, s.clock()));
        return new MainWindow(stage, model, new NewFileCreator(s.background(), s.durations(), s.clock(), text), text,
                new ErrorReporter(text));
    }

    @Override
    public void start(Stage stage) {
        background = Background.forFx();
        window = compose(stage, Services.standard(background, Preferences.userRoot().node("org/earmark/desktop")),
                messages());
        model = window.model();
        window.setOnOpenStudy(StudyWindows.standard(background, messages(), new ErrorReporter(messages()))
                ::chooseAndOpen);
        stage.show();
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) {
            model.open(Path.of(files.get(0)));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.coding().stop();
        }
        if (model != null) {
            model.shutdown();
        }
        if (background != null) {
            background.close();
        }
    }
}

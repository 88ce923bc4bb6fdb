package org.earmark.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.earmark.core.AppDirs;
import org.earmark.session.SaveQueue;
import org.earmark.storage.Backups;
import org.earmark.session.SoloCoderFile;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.coding.RecordingLoader;
import org.earmark.ui.coding.guide.GuideViewModel;
import org.earmark.ui.coding.timeline.PeaksSource;
import org.earmark.ui.coding.timeline.DecoderPeaksSource;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.common.Settings;
import org.earmark.ui.main.MainViewModel;
import org.earmark.ui.main.MainWindow;
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
            PeaksSource peaks, SoloCoderFile.DurationProbe durations, Clock clock, Supplier<Path> dataHome,
            ScheduledExecutorService backupTimer) {

        /** Without automatic backups while a file is open, and with the demo in the usual place. */
        public Services(Background background, Settings settings, PlayerFactory players, LongSupplier nanoTime,
                PeaksSource peaks, SoloCoderFile.DurationProbe durations, Clock clock) {
            this(background, settings, players, nanoTime, peaks, durations, clock, AppDirs::dataHome, null);
        }

        public static Services standard(Background background, Preferences preferences) {
            return new Services(background, new Settings(preferences), FxMediaPlayer::open, System::nanoTime,
                    new DecoderPeaksSource(), SoloCoderFile.DurationProbe.FROM_HEADERS, Clock.systemUTC(),
                    AppDirs::dataHome,
                    Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "earmark-backups");
                        t.setDaemon(true);
                        return t;
                    }));
        }
    }

    private Background background;
    private MainViewModel model;
    private MainWindow window;
    private ScheduledExecutorService backupTimer;

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
                file -> SaveQueue.start(file, Platform::runLater, s.clock()),
                new MainViewModel.Places(s.dataHome(), s.clock(), s.backupTimer(), Backups.DEFAULT_INTERVAL));
        return new MainWindow(stage, model, new GuideViewModel(coding, s.settings()), new NewFileCreator(s.background(), s.durations(), s.clock(), text), text,
                new ErrorReporter(text));
    }

    @Override
    public void start(Stage stage) {
        background = Background.forFx();
        Services services = Services.standard(background, Preferences.userRoot().node("org/earmark/desktop"));
        backupTimer = services.backupTimer();
        window = compose(stage, services, messages());
        model = window.model();
        window.setOnOpenStudy(StudyWindows.standard(background, messages(), new ErrorReporter(messages()))
                ::chooseAndOpen);
        stage.show();
        StartupProbe.reportFirstFrameIfAsked();
        // The file given (a coder file or a package), else the last one, else the user's copy of the demo.
        model.start(getParameters().getUnnamed());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.coding().stop();
        }
        if (model != null) {
            model.shutdown();
        }
        if (backupTimer != null) {
            backupTimer.shutdownNow();
        }
        if (background != null) {
            background.close();
        }
    }
}

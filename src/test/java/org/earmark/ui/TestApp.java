package org.earmark.ui;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.earmark.session.SoloCoderFile;
import org.earmark.ui.coding.timeline.DecoderPeaksSource;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.Settings;
import org.earmark.ui.main.MainViewModel;
import org.earmark.ui.main.MainWindow;
import org.earmark.ui.player.FxMediaPlayer;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window for a TestFX test, with its own preferences, taken down cleanly afterwards. */
public final class TestApp {

    private final Background background;
    private final Preferences prefs;
    private final MainWindow window;

    private TestApp(Background background, Preferences prefs, MainWindow window) {
        this.background = background;
        this.prefs = prefs;
        this.window = window;
    }

    /** The app as it starts for a user (standard services). */
    public static TestApp standard(Stage stage) {
        Background background = Background.forFx();
        Preferences prefs = freshPreferences();
        return show(stage, background, prefs, DesktopApp.Services.standard(background, prefs));
    }

    /** The app with a clock the test controls for the player's time. */
    public static TestApp withClock(Stage stage, LongSupplier nanoTime) {
        Background background = Background.forFx();
        Preferences prefs = freshPreferences();
        return show(stage, background, prefs, new DesktopApp.Services(background, new Settings(prefs),
                FxMediaPlayer::open, nanoTime, new DecoderPeaksSource(), SoloCoderFile.DurationProbe.FROM_HEADERS,
                Clock.systemUTC()));
    }

    private static TestApp show(Stage stage, Background background, Preferences prefs, DesktopApp.Services services) {
        MainWindow window = DesktopApp.compose(stage, services, DesktopApp.messages());
        stage.show();
        return new TestApp(background, prefs, window);
    }

    private static Preferences freshPreferences() {
        return Preferences.userRoot().node("org/earmark/test/" + UUID.randomUUID());
    }

    public Preferences prefs() {
        return prefs;
    }

    public MainWindow window() {
        return window;
    }

    public MainViewModel model() {
        return window.model();
    }

    /** Stops the coding view, closes the file (its queue drained), and forgets the test's preferences. */
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.coding().stop();
            window.model().shutdown();
        }).get(10, TimeUnit.SECONDS);
        background.close();
        prefs.removeNode();
    }

    /** Waits for a condition on the FX side, naming it if it never comes. */
    public static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}

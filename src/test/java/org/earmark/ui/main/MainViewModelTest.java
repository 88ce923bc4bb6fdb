package org.earmark.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import org.earmark.model.RecordingStatus;
import org.earmark.session.SaveQueue;
import org.earmark.session.TestClock;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.TestCoderFiles;
import org.earmark.ui.coding.CodingViewModel;
import org.earmark.ui.coding.RecordingLoader;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.Settings;
import org.earmark.ui.player.SilentPlayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved indicator and the recordings list, with the writer stepped by hand. */
class MainViewModelTest {

    @TempDir
    Path dir;

    /** Runs writes at once, or, while held, only when told; always in order. */
    private static final class ManualWriter implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();
        boolean hold;

        @Override
        public void execute(Runnable r) {
            if (hold) {
                queued.add(r);
            } else {
                r.run();
            }
        }

        void runAll() {
            hold = false;
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final Preferences prefs = Preferences.userRoot().node("org/earmark/test/" + UUID.randomUUID());
    private final TestClock clock = new TestClock();
    private final ManualWriter writer = new ManualWriter();
    private MainViewModel model;

    @AfterEach
    void tearDown() throws Exception {
        writer.runAll();
        model.shutdown();
        prefs.removeNode();
    }

    @Test
    void theIndicatorSaysSavingUntilTheTagIsOnDiskThenWhen() throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        Background background = Background.onCallingThread();
        Settings settings = new Settings(prefs);
        CodingViewModel coding = new CodingViewModel(new RecordingLoader.Parts(background,
                (audio, ms) -> new SilentPlayer(() -> 0, ms), () -> 0,
                (r, a, p) -> new org.earmark.audio.Peaks(10, 0, new short[0], new short[0])), settings, clock,
                DesktopApp.messages());
        model = new MainViewModel(background, DesktopApp.messages(), settings, coding,
                f -> SaveQueue.withExecutors(f, writer, Runnable::run, clock));
        model.open(file);
        assertEquals("No changes yet", model.saveTextProperty().get());

        coding.transport().seek(2_000);
        writer.hold = true;
        coding.press("OFQ");
        assertEquals("Saving\u2026", model.saveTextProperty().get());
        assertEquals(MainViewModel.SaveState.SAVING, model.saveStateProperty().get());
        writer.runAll();
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(clock.instant());
        assertEquals("Saved " + time, model.saveTextProperty().get());
        assertEquals(new RecordingRow("R-7Q3K", "0:03", RecordingStatus.IN_PROGRESS, 1), model.recordings().get(0));
    }

    @Test
    void aFailedSaveIsShownUntilALaterSaveSucceeds() throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        Background background = Background.onCallingThread();
        Settings settings = new Settings(prefs);
        CodingViewModel coding = new CodingViewModel(new RecordingLoader.Parts(background,
                (audio, ms) -> new SilentPlayer(() -> 0, ms), () -> 0,
                (r, a, p) -> new org.earmark.audio.Peaks(10, 0, new short[0], new short[0])), settings, clock,
                DesktopApp.messages());
        java.util.List<String> errors = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<SaveQueue> queue = new java.util.concurrent.atomic.AtomicReference<>();
        model = new MainViewModel(background, DesktopApp.messages(), settings, coding, f -> {
            queue.set(SaveQueue.withExecutors(f, writer, Runnable::run, clock));
            return queue.get();
        });
        model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));
        model.open(file);
        coding.press("OFQ");
        queue.get().write("tag RISK at 99:00", f -> {
            throw new org.earmark.core.EarmarkException(org.earmark.core.EarmarkException.Kind.IO, "the disk is full");
        });
        assertEquals(MainViewModel.SaveState.FAILED, model.saveStateProperty().get());
        assertEquals("NOT SAVED \u2014 see the message", model.saveTextProperty().get());
        assertEquals(java.util.List.of("A change could not be saved: tag RISK at 99:00: the disk is full"), errors);
        clock.advance(java.time.Duration.ofSeconds(5));
        coding.press("RISK");
        assertEquals(MainViewModel.SaveState.SAVED, model.saveStateProperty().get());
    }
}

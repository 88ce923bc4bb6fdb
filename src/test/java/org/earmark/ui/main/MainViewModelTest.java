package org.earmark.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CodingViewModel coding = silentCoding(background, settings);
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
        CodingViewModel coding = silentCoding(background, settings);
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

    /** A failed open left "Opening notes.earmark…" in the status line for good. */
    @Test
    void aFailedOpenPutsBackTheStatusOfTheFileStillOpen() throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        Background background = Background.onCallingThread();
        Settings settings = new Settings(prefs);
        CodingViewModel coding = silentCoding(background, settings);
        model = new MainViewModel(background, DesktopApp.messages(), settings, coding,
                f -> SaveQueue.withExecutors(f, writer, Runnable::run, clock));
        java.util.List<String> errors = new java.util.ArrayList<>();
        model.setOnError((doing, e) -> errors.add(doing));
        model.open(file);
        String opened = model.statusProperty().get();
        assertTrue(opened.startsWith("Coder alice"), opened);
        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.earmark"), "just some notes");
        model.open(notes);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(opened, model.statusProperty().get());
    }

    /** The coding view's model with a silent player and an empty waveform: these tests are about the window. */
    private CodingViewModel silentCoding(Background background, Settings settings) {
        return new CodingViewModel(new RecordingLoader.Parts(background,
                (audio, ms) -> new SilentPlayer(() -> 0, ms), () -> 0,
                (r, a, p) -> new org.earmark.audio.Peaks(10, 0, new short[0], new short[0])), settings, clock,
                DesktopApp.messages());
    }

    private MainViewModel withBackups(Background background, java.util.concurrent.ScheduledExecutorService timer,
            java.time.Duration every) {
        Settings settings = new Settings(prefs);
        CodingViewModel coding = silentCoding(background, settings);
        return new MainViewModel(background, DesktopApp.messages(), settings, coding,
                f -> SaveQueue.withExecutors(f, writer, Runnable::run, clock),
                new MainViewModel.Places(() -> dir.resolve("home"), clock, timer, every));
    }

    @Test
    void anOpenFileIsBackedUpWhileItChangesAndABackupCanBeRestored() throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            model = withBackups(Background.onCallingThread(), timer, java.time.Duration.ofMillis(50));
            java.util.List<String> errors = new java.util.ArrayList<>();
            model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));
            model.open(file);
            assertEquals(1, org.earmark.storage.Backups.list(file).size(), "one backup when the file is opened");
            assertEquals("", model.fileNoticeProperty().get());

            model.coding().transport().seek(2_000);
            model.coding().press("OFQ");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (org.earmark.storage.Backups.list(file).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, org.earmark.storage.Backups.list(file).size(), "a second once it changed");
            assertEquals(1, model.recordings().get(0).events());

            java.util.List<java.util.List<org.earmark.storage.Backups.Backup>> listed = new java.util.ArrayList<>();
            model.listBackups(listed::add);
            assertEquals(2, listed.get(0).size());
            var fromOpening = listed.get(0).get(1); // newest first: the oldest is the one taken on opening

            model.restore(fromOpening);
            assertEquals(java.util.List.of(), errors);
            assertEquals(file.toAbsolutePath(), model.fileProperty().get().path().toAbsolutePath(), "open again");
            assertEquals(0, model.recordings().get(0).events(), "as it was when it was opened");
            assertTrue(org.earmark.storage.Backups.list(file).size() >= 3,
                    "the state before the restore was backed up first");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aBackupThatCannotBeTakenIsANoticeNotAnError() throws Exception {
        Path file = TestCoderFiles.withSpeech(dir, "alice.earmark", 3);
        java.nio.file.Files.writeString(org.earmark.storage.Backups.folder(file), "not a folder");
        model = withBackups(Background.onCallingThread(), null, java.time.Duration.ofMinutes(5));
        java.util.List<String> errors = new java.util.ArrayList<>();
        model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));
        model.open(file);
        assertTrue(model.fileProperty().get() != null, "the file opens all the same");
        assertTrue(model.fileNoticeProperty().get().startsWith("The automatic backup of this file failed"),
                model.fileNoticeProperty().get());
        assertEquals(java.util.List.of(), errors);
    }

    @Test
    void whenTheMostRecentFileCannotBeOpenedTheMessageIsShownAndTheDemoOpens() throws Exception {
        Path damaged = dir.resolve("alice.earmark");
        java.nio.file.Files.write(damaged, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        byte[] before = java.nio.file.Files.readAllBytes(damaged);
        new Settings(prefs).addRecent(damaged);
        model = withBackups(Background.onCallingThread(), null, java.time.Duration.ofMinutes(5));
        java.util.List<String> errors = new java.util.ArrayList<>();
        model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));

        model.start(java.util.List.of());

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Could not open alice.earmark, so the demo opens instead"), errors.get(0));
        assertTrue(model.fileProperty().get() != null, "the demo is open rather than an empty window");
        assertTrue(model.fileProperty().get().path().startsWith(dir.resolve("home")), "the user's copy of the demo");
        assertEquals(3, model.recordings().size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(damaged),
                "the damaged file is left as it was");
    }
}

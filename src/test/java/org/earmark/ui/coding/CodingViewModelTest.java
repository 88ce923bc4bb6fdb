package org.earmark.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import org.earmark.audio.Peaks;
import org.earmark.model.Event;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.session.SaveQueue;
import org.earmark.session.TestClock;
import org.earmark.storage.CoderFile;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.TestCoderFiles;
import org.earmark.ui.coding.timeline.PeaksSource;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.Settings;
import org.earmark.ui.player.PlaybackUnavailable;
import org.earmark.ui.player.PlayerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coding view model on the calling thread, without JavaFX's toolkit, with a fake player. */
class CodingViewModelTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger decoded = new AtomicInteger();
    private final List<FakePlayer> players = new ArrayList<>();
    private final List<RecordingProgress> progress = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final TestClock clock = new TestClock();
    private Preferences prefs;
    private Settings settings;
    private CoderFile file;
    private CodingViewModel model;
    private PlayerFactory factory = (audio, ms) -> {
        FakePlayer p = new FakePlayer(nanos::get, ms);
        players.add(p);
        return p;
    };

    @BeforeEach
    void setUp() throws Exception {
        prefs = Preferences.userRoot().node("org/earmark/test/" + UUID.randomUUID());
        settings = new Settings(prefs);
        file = CoderFile.open(TestCoderFiles.withSpeech(dir, "alice.earmark", 3));
    }

    @AfterEach
    void tearDown() throws Exception {
        file.close();
        prefs.removeNode();
    }

    private CodingViewModel model() {
        PeaksSource peaks = (r, audio, p) -> {
            decoded.incrementAndGet();
            return new Peaks(10, 3_000, new short[300], new short[300]);
        };
        CodingViewModel m = new CodingViewModel(new RecordingLoader.Parts(Background.onCallingThread(),
                (audio, ms) -> factory.open(audio, ms), nanos::get, peaks), settings, clock, DesktopApp.messages());
        m.setOnProgress(progress::add);
        m.setOnError((doing, e) -> errors.add(doing + ": " + e));
        m.attach(SaveQueue.onCallingThread(file, clock), file.codebook());
        return m;
    }

    private void open(String id) {
        model = model == null ? model() : model;
        model.open(file.recording(id));
        assertEquals(List.of(), errors);
        assertTrue(model.activeProperty().get());
    }

    private void play(long ms) {
        model.perform(Action.PLAY_PAUSE);
        nanos.addAndGet(ms * 1_000_000);
        model.transport().tick();
    }

    @Test
    void aKeyTagsAtThePlayheadMinusTheOffsetAndSelectsTheTag() {
        open("R-7Q3K");
        assertEquals("", model.noticeProperty().get());
        assertTrue(model.transport().audibleProperty().get());
        play(2_000);
        model.press("OFQ");
        Event e = model.events().get(0);
        assertEquals(1_500, e.startMs());
        assertEquals(e.id(), model.selectedProperty().get());
        assertEquals("tag OFQ at 00:01.5", model.hintProperty().get());
        assertEquals(List.of(1_500L), file.events("R-7Q3K").stream().map(Event::startMs).toList());
        assertEquals(new RecordingProgress(file.recording("R-7Q3K"), RecordingStatus.IN_PROGRESS, 1),
                progress.get(progress.size() - 1));

        settings.reactionOffsetMsProperty().set(200);
        model.press("RISK");
        assertEquals(1_800, model.events().get(1).startMs(), "a new offset applies at once");
    }

    @Test
    void selectNudgeDeleteUndoRedoByKeys() {
        open("R-7Q3K");
        model.transport().seek(1_000);
        model.press("OFQ");
        model.transport().seek(2_500);
        model.press("RISK");
        model.perform(Action.DESELECT);
        model.perform(Action.NUDGE_LATER);
        assertEquals("Select an event first (\u2191 \u2193, or click it).", model.hintProperty().get());
        model.transport().seek(0);
        model.perform(Action.NEXT_EVENT);
        assertEquals("OFQ", model.selectedEvent().orElseThrow().code());
        assertEquals(500, model.transport().positionProperty().get(), "selecting moves the playhead to the event");
        model.perform(Action.NEXT_EVENT);
        assertEquals("RISK", model.selectedEvent().orElseThrow().code());
        model.perform(Action.NUDGE_EARLIER);
        model.perform(Action.NUDGE_EARLIER);
        assertEquals(1_800, model.selectedEvent().orElseThrow().startMs());
        model.recodeSelected("TASK");
        assertEquals("TASK", model.selectedEvent().orElseThrow().code());
        model.perform(Action.DELETE_EVENT);
        assertNull(model.selectedProperty().get());
        assertEquals(1, model.events().size());
        assertEquals("delete TASK at 00:01.8", model.undoTextProperty().get());
        model.perform(Action.UNDO);
        assertEquals("Undone: delete TASK at 00:01.8", model.hintProperty().get());
        assertEquals(2, model.events().size());
        model.perform(Action.REDO);
        assertEquals(1, model.events().size());
        assertEquals(List.of("OFQ"), file.events("R-7Q3K").stream().map(Event::code).toList());
    }

    @Test
    void theTableEditsTimeCodeAndNote() {
        open("R-7Q3K");
        model.transport().seek(1_000);
        model.press("OFQ");
        Event e = model.events().get(0);
        model.table().editTime(e, "00:02.25");
        assertEquals(2_250, model.events().get(0).startMs());
        model.table().editTime(model.events().get(0), "later");
        assertEquals("\u201clater\u201d is not a time: write it as minutes:seconds, e.g. 12:02.4",
                model.hintProperty().get());
        model.table().editCode(model.events().get(0), "RISK");
        model.table().editNote(model.events().get(0), "who else is there");
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ"), model.table().codesFor(model.events().get(0)));
        model.table().editCode(model.events().get(0), "CASE");
        assertTrue(model.hintProperty().get().contains("RISK is a point code and CASE a span code"));
        Event stored = file.events("R-7Q3K").get(0);
        assertEquals(List.of(2_250L, "RISK", "who else is there"), List.of(stored.startMs(), stored.code(),
                stored.note()));
    }

    @Test
    void transportKeysJumpAndChangeSpeed() {
        open("R-7Q3K");
        model.perform(Action.FORWARD_5);
        assertEquals(3_000, model.transport().positionProperty().get(), "stops at the end");
        model.perform(Action.BACK_1);
        assertEquals(2_000, model.transport().positionProperty().get());
        model.perform(Action.BACK_5);
        assertEquals(0, model.transport().positionProperty().get());
        for (int i = 0; i < 10; i++) {
            model.perform(Action.FASTER);
        }
        assertEquals(2.0, model.transport().rateProperty().get());
        for (int i = 0; i < 10; i++) {
            model.perform(Action.SLOWER);
        }
        assertEquals(0.5, model.transport().rateProperty().get());
        assertEquals("0.5\u00d7", model.transport().rateText().get().replace(',', '.'));
        play(1_000);
        assertEquals(500, model.transport().positionProperty().get(), "half speed");
    }

    @Test
    void noSoundDeviceShowsAClearNoticeAndCodingGoesOnSilently() {
        factory = (audio, ms) -> {
            throw new PlaybackUnavailable(PlaybackUnavailable.Reason.NO_DEVICE, "Could not create player!", null);
        };
        open("R-7Q3K");
        assertTrue(model.noticeProperty().get().startsWith("No sound device was found, so R-7Q3K plays without"
                + " sound"), model.noticeProperty().get());
        assertFalse(model.transport().audibleProperty().get());
        play(1_000);
        model.press("OFQ");
        assertEquals(500, model.events().get(0).startMs());
        assertTrue(model.timeline().peaksProperty().get() != null, "the waveform still shows");
    }

    @Test
    void aPlayerThatFailsLaterIsReplacedBySilenceAtTheSamePlace() {
        open("R-7Q3K");
        model.transport().seek(1_200);
        players.get(0).fail(PlaybackUnavailable.Reason.UNSUPPORTED, "MEDIA_UNSUPPORTED");
        assertTrue(players.get(0).disposed, "the failed player is disposed");
        assertTrue(model.noticeProperty().get().contains("cannot be played on this computer (MEDIA_UNSUPPORTED)"));
        assertFalse(model.transport().audibleProperty().get());
        assertEquals(1_200, model.transport().now());
    }

    @Test
    void missingAudioShowsAClearNoticeAndTheEventsStillShow() throws Exception {
        file.add(org.earmark.model.NewEvent.point("R-2MXD", "RISK", 4_000));
        open("R-2MXD");
        assertEquals("The audio of R-2MXD is missing: R-2MXD.wav is not in the coder file's folder. Put it back"
                + " there (or ask your lead researcher for it). Meanwhile you can view and edit the events; the"
                + " playhead moves without sound.", model.noticeProperty().get());
        assertTrue(players.isEmpty(), "no player is opened for audio that is not there");
        assertEquals(1, model.events().size());
        assertEquals("No waveform: the audio file is not available. You can still play and code the recording.",
                model.timeline().waveformMessageProperty().get());
        model.perform(Action.NEXT_EVENT);
        model.perform(Action.DELETE_EVENT);
        assertTrue(file.events("R-2MXD").isEmpty());
    }

    @Test
    void audioThatFailsItsChecksumIsNotPlayed() throws Exception {
        Files.write(dir.resolve("R-7Q3K.wav"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        open("R-7Q3K");
        assertTrue(model.noticeProperty().get().startsWith("R-7Q3K.wav is not the recording R-7Q3K was made from:"
                + " its checksum (sha256) differs."), model.noticeProperty().get());
        assertTrue(players.isEmpty());
        assertEquals(0, decoded.get(), "no waveform is computed from the wrong file");
    }

    @Test
    void theWaveformIsComputedOnceAndThenReadFromTheCoderFile() {
        open("R-7Q3K");
        assertEquals(1, decoded.get());
        assertTrue(model.timeline().peaksProperty().get() != null);
        open("R-2MXD");
        open("R-7Q3K");
        assertEquals(1, decoded.get(), "reopening shows the stored waveform at once");
        assertEquals(300, model.timeline().peaksProperty().get().bins());
        assertTrue(players.get(0).disposed, "every change of recording disposes the old player");
    }

    /** A span left open was stored 0 s long when the coder moved on or marked the recording done. */
    @Test
    void aSpanStillOpenEndsAtThePlayheadWhenTheCoderMovesOnOrMarksDone() {
        open("R-7Q3K"); // 3 s long
        model.transport().seek(1_000);
        model.press("CASE");
        model.transport().seek(2_000);
        model.markDone(true);
        Event first = file.events("R-7Q3K").get(0);
        assertEquals(500L, first.startMs());
        assertEquals(1_500L, first.endMs(), "ended where the playhead was (less the reaction offset)");
        assertTrue(model.hintProperty().get().startsWith("The open CASE span ended at"), model.hintProperty().get());

        model.markDone(false);
        model.transport().seek(2_000);
        model.press("CASE");
        model.transport().seek(2_800);
        open("R-2MXD");
        Event second = file.events("R-7Q3K").get(1);
        assertEquals(1_500L, second.startMs());
        assertEquals(2_300L, second.endMs(), "leaving the recording ends it too");
    }

    @Test
    void ratingsAndDoneAreSaved() {
        open("R-7Q3K");
        model.ratings().rate("outcome_focus", 4);
        assertEquals(4, model.ratings().valueProperty("outcome_focus").get());
        model.perform(Action.UNDO);
        assertNull(model.ratings().valueProperty("outcome_focus").get());
        assertEquals("Undone: rate Global outcomes focus as 4", model.hintProperty().get(),
                "the scale's label, not its id outcome_focus");
        model.perform(Action.REDO);
        model.markDone(true);
        assertEquals(RecordingStatus.DONE, model.statusProperty().get());
        assertEquals(java.util.Map.of("outcome_focus", 4), file.ratings("R-7Q3K"));
        assertEquals(RecordingStatus.DONE, file.progress().get(0).status());
    }
}

package org.earmark.ui.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.earmark.audio.Peaks;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.results.FidelityTable;
import org.earmark.results.StudyData;
import org.earmark.storage.StudyFile;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.TestStudy;
import org.earmark.ui.study.shared.OpenStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Adjudication tab's logic on the calling thread: step, decide, play, save; fidelity then uses the consensus. */
class AdjudicationViewModelTest {

    private static final ResourceBundle TEXT = DesktopApp.messages();

    /** Sound that records what it was asked to play. */
    static final class FakeSound implements Sound {
        final List<long[]> played = new ArrayList<>();
        boolean closed;

        @Override
        public void play(long fromMs, long toMs) {
            played.add(new long[] {fromMs, toMs});
        }

        @Override
        public void stop() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @TempDir
    Path tmp;
    private OpenStudy study;
    private final List<String> errors = new ArrayList<>();
    private final List<Path> decoded = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        study = OpenStudy.open(TestStudy.create(tmp).mergeAll().studyDir, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        study.close();
    }

    private AdjudicationViewModel model(Sound.Factory sounds) {
        AdjudicationViewModel model = new AdjudicationViewModel(study, Background.onCallingThread(), TEXT,
                (audio, progress) -> {
                    decoded.add(audio);
                    return new Peaks(10, 60_000, new short[6000], new short[6000]);
                }, sounds);
        model.setOnError((doing, e) -> errors.add(doing + ": " + e));
        model.refresh();
        return model;
    }

    @Test
    void stepsThroughTheDisagreementsDecidesAndSavesTheConsensusWhichFidelityThenUses() throws Exception {
        FakeSound sound = new FakeSound();
        AdjudicationViewModel model = model((audio, onError) -> sound);
        assertEquals(List.of("R-AAAA", "R-BBBB"), model.recordings());
        assertEquals("R-AAAA", model.recordingProperty().get());
        assertEquals(List.of("a", "b"), model.coders());
        assertEquals("a", model.coderAProperty().get());
        assertEquals("b", model.coderBProperty().get());
        assertEquals(4, model.items().size());
        assertEquals(new ItemRow(1, "00:00.0", "different times", "CASE 00:00.0\u201300:30.0",
                "CASE 00:06.0\u201300:30.0", "open"), model.items().get(0));
        assertEquals(0, model.currentProperty().get());
        assertEquals(List.of(tmp.resolve("study/audio/R-AAAA.wav")), decoded);
        assertTrue(model.peaksProperty().get() != null);
        assertEquals("0 of 4 disagreements settled \u00b7 2 events agreed", model.progressTextProperty().get());
        assertFalse(model.canSaveProperty().get());

        model.next();
        model.next();
        assertEquals(2, model.currentProperty().get());
        model.previous();
        model.previous();
        model.acceptA(); // CASE 0-30 (a) rather than 6-30 (b); moves on to the next open one
        assertEquals(1, model.currentProperty().get());
        assertEquals("a\u2019s version: CASE 00:00.0\u201300:30.0", model.items().get(0).decision());
        model.playCurrent(); // RISK at 30 s: from 28 s to 32 s
        assertEquals(1, sound.played.size());
        assertEquals(28_000, sound.played.get(0)[0]);
        assertEquals(32_000, sound.played.get(0)[1]);
        model.acceptB(); // RISK (a only): no event
        assertEquals("b\u2019s version: (no event)", model.items().get(1).decision());
        model.edit(new NewEvent("R-AAAA", "REFL", 49_000, null, "")); // OTHQ (b only): the lead's own
        assertEquals("edited: REFL 00:49.0", model.items().get(2).decision());
        assertFalse(model.canSaveProperty().get());
        model.acceptA(); // rating 4
        assertEquals("4 of 4 disagreements settled \u00b7 2 events agreed", model.progressTextProperty().get());
        assertTrue(model.canSaveProperty().get());
        assertTrue(model.hasUnsavedDecisions());

        int[] saved = {0};
        model.setOnSaved(() -> saved[0]++);
        model.save();
        assertEquals(List.of(), errors);
        assertEquals(1, saved[0]);
        assertFalse(model.hasUnsavedDecisions());
        List<Event> consensus = study.call(s -> s.events(StudyFile.CONSENSUS, "R-AAAA"));
        assertEquals(List.of("CASE", "OFQ", "TASK", "REFL"), consensus.stream().map(Event::code).toList());
        assertTrue(study.call(StudyFile::audit).stream().anyMatch(e -> e.action().equals("consensus")
                && e.detail().contains("2 as A, 1 as B, 1 edited")));

        // Fidelity's default source now takes the consensus for R-AAAA, the primary coder elsewhere.
        List<FidelityTable.Row> rows = study.call(s -> FidelityTable.compute(StudyData.load(s), null));
        FidelityTable.Row a = rows.stream().filter(r -> r.recording().equals("R-AAAA")).findFirst().orElseThrow();
        assertEquals("consensus", a.source());
        assertEquals(1.0, a.metrics().get("ofq_count"));
        assertEquals(1.0 / 3, a.metrics().get("ofq_share"), 1e-12); // OFQ of OFQ, TASK, REFL
        assertEquals(0.5, a.metrics().get("case_minutes"), 1e-12);
        assertEquals(4.0, a.metrics().get("outcome_focus_rating"));
        assertEquals("coder:b", rows.stream().filter(r -> r.recording().equals("R-BBBB")).findFirst().orElseThrow()
                .source());

        model.recordingProperty().set("R-BBBB");
        assertTrue(sound.closed, "the old player is freed when the recording changes");
        model.recordingProperty().set("R-AAAA");
        assertTrue(model.statusProperty().get().contains("saved before"), model.statusProperty().get());
    }

    @Test
    void withoutSoundItSaysSoAndStillWorks() {
        AdjudicationViewModel model = model((audio, onError) -> {
            throw new RuntimeException(new IllegalStateException("com.sun.media.jfxmedia.MediaException: Could not"
                    + " create player!"));
        });
        // javafx-media's "Could not create player!" is what no sound device looks like; the lead reads words.
        assertEquals("No sound device was found, so nothing can be played: adjudicate with the timeline and the"
                + " lists, or connect headphones or speakers and choose the recording again.",
                model.soundMessageProperty().get());
        model.playCurrent();
        assertEquals(TEXT.getString("adjudication.sound.none"), model.statusProperty().get());
        for (int i = 0; i < 5; i++) {
            model.acceptB();
        }
        assertTrue(model.canSaveProperty().get());
        model.save();
        assertEquals(List.of(), errors);
    }

    @Test
    void comparingACoderWithHimselfIsRefusedAndTheToleranceRematches() {
        AdjudicationViewModel model = model((audio, onError) -> new FakeSound());
        model.coderBProperty().set("a");
        assertEquals(null, model.adjudicationProperty().get());
        assertEquals(TEXT.getString("adjudication.chooseCoders"), model.statusProperty().get());
        model.coderBProperty().set("b");
        model.toleranceProperty().set(10);
        // With 10 s the two CASE spans (0 s and 6 s) match, RISK (30 s) pairs with nothing new.
        assertEquals(Map.of("items", 3), Map.of("items", model.items().size()));
    }
}

package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coding session against a real coder file, with writes on the calling thread. */
class CodingSessionTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private CoderFile file;
    private CodingSession session;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        file = TestFiles.create(dir.resolve("alice.earmark"));
        session = sessionFor(file);
    }

    private CodingSession sessionFor(CoderFile f) {
        CodingSession s = new CodingSession(SaveQueue.onCallingThread(f, clock), f.codebook(),
                f.recording("R-7Q3K"), f.events("R-7Q3K"), f.ratings("R-7Q3K"), RecordingStatus.NOT_STARTED, clock);
        s.setListener(new CodingSession.Listener() {
            @Override
            public void eventChanged(Event before, Event after) {
                heard.add((before == null ? "-" : before.code() + "@" + before.startMs()) + " > "
                        + (after == null ? "-" : after.code() + "@" + after.startMs()));
            }
        });
        return s;
    }

    @AfterEach
    void close() {
        file.close();
    }

    private List<String> stored() {
        return file.events("R-7Q3K").stream().map(e -> e.code() + "@" + e.startMs()
                + (e.endMs() == null ? "" : "-" + e.endMs()) + (e.note().isEmpty() ? "" : " " + e.note())).toList();
    }

    @Test
    void aKeyTagsAtThePlayheadMinusTheReactionOffset() {
        Event e = session.press("OFQ", 12_345);
        assertEquals(11_845, e.startMs());
        assertNull(e.endMs());
        assertEquals(List.of("OFQ@11845"), stored());
        assertEquals(List.of("- > OFQ@11845"), heard);
        assertEquals(RecordingStatus.IN_PROGRESS, session.status());

        session.setReactionOffsetMs(0);
        assertEquals(20_000, session.press("RISK", 20_000).startMs());
        session.setReactionOffsetMs(1_200);
        assertEquals(0, session.press("TASK", 300).startMs(), "never before the start of the recording");
        assertEquals(600_000, session.press("TASK", 700_000).startMs(), "never past the end");
        assertThrows(IllegalArgumentException.class, () -> session.setReactionOffsetMs(-1));
        assertEquals(List.of("TASK@0", "OFQ@11845", "RISK@20000", "TASK@600000"), stored());
    }

    @Test
    void aSpanKeyStartsAndStopsASpanAndTheStartIsSavedAtOnce() {
        Event started = session.press("CASE", 10_500);
        assertEquals(List.of("CASE@10000-10000"), stored(), "a started span is on disk before it is stopped");
        assertEquals(Map.of("CASE", started.id()), session.openSpans());
        session.press("OFQ", 20_500);
        Event stopped = session.press("CASE", 60_500);
        assertEquals(started.id(), stopped.id());
        assertEquals(List.of("CASE@10000-60000", "OFQ@20000"), stored());
        assertTrue(session.openSpans().isEmpty());

        Event second = session.press("CASE", 90_500);
        session.press("CASE", 80_500); // stopped before it started (after seeking back): the ends swap
        assertEquals(List.of(80_000L, 90_000L), List.of(session.event(second.id()).orElseThrow().startMs(),
                session.event(second.id()).orElseThrow().endMs()));
    }

    @Test
    void undoAndRedoOfASpanReopenAndCloseIt() {
        Event started = session.press("CASE", 10_500);
        session.press("CASE", 20_500);
        session.undo();
        assertEquals(List.of("CASE@10000-10000"), stored());
        assertEquals(Map.of("CASE", started.id()), session.openSpans(), "undoing the stop reopens the span");
        session.undo();
        assertEquals(List.of(), stored());
        assertTrue(session.openSpans().isEmpty());
        session.redo();
        assertEquals(Map.of("CASE", started.id()), session.openSpans());
        session.redo();
        assertEquals(List.of("CASE@10000-20000"), stored());
        assertTrue(session.openSpans().isEmpty());
    }

    @Test
    void everyEditCanBeUndoneAndRedone() {
        Event e = session.press("OFQ", 10_500);
        session.moveBy(e.id(), 100);
        clock.advance(Duration.ofSeconds(5));
        session.recode(e.id(), "RISK");
        session.note(e.id(), "  how will we know  ");
        session.delete(e.id());
        assertEquals(List.of(), stored());
        List<List<String>> states = new ArrayList<>();
        while (session.canUndo()) {
            session.undo();
            states.add(stored());
        }
        assertEquals(List.of(
                List.of("RISK@10100 how will we know"),
                List.of("RISK@10100"),
                List.of("OFQ@10100"),
                List.of("OFQ@10000"),
                List.of()), states);
        assertFalse(session.canUndo());
        states.clear();
        while (session.canRedo()) {
            session.redo();
            states.add(stored());
        }
        assertEquals(List.of(
                List.of("OFQ@10000"),
                List.of("OFQ@10100"),
                List.of("RISK@10100"),
                List.of("RISK@10100 how will we know"),
                List.of()), states);
        assertEquals(1, file.allEventsWithTombstones().size(), "one event, deleted, kept as a tombstone");
        assertTrue(file.allEventsWithTombstones().get(0).deleted());
    }

    @Test
    void aNewStepClearsRedo() {
        session.press("OFQ", 10_000);
        session.undo();
        assertTrue(session.canRedo());
        session.press("RISK", 20_000);
        assertFalse(session.canRedo());
        assertEquals(new Step("tag", "RISK", 19_500), session.nextUndo().orElseThrow());
    }

    @Test
    void nudgesOfOneEventInQuickSuccessionAreOneUndoStep() {
        Event e = session.press("OFQ", 10_500);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(200));
            session.moveBy(e.id(), -100);
        }
        assertEquals(List.of("OFQ@9500"), stored());
        session.undo();
        assertEquals(List.of("OFQ@10000"), stored(), "one undo takes it back to where the nudging began");
        session.undo();
        assertEquals(List.of(), stored());
    }

    @Test
    void nudgesApartInTimeAreSeparateSteps() {
        Event e = session.press("OFQ", 10_500);
        clock.advance(Duration.ofSeconds(3));
        session.moveBy(e.id(), 100);
        clock.advance(Duration.ofSeconds(3));
        session.moveBy(e.id(), 100);
        session.undo();
        assertEquals(List.of("OFQ@10100"), stored());
    }

    @Test
    void spansMoveWithBothEndsAndStayInsideTheRecording() {
        Event span = session.press("CASE", 1_500);
        session.press("CASE", 11_500);
        session.moveBy(span.id(), -5_000);
        assertEquals(List.of("CASE@0-10000"), stored());
        session.moveTo(span.id(), 595_000);
        assertEquals(List.of("CASE@590000-600000"), stored());
        session.setEnd(span.id(), 580_000);
        assertEquals(List.of("CASE@580000-590000"), stored());
    }

    @Test
    void reCodingKeepsTheKindOfCode() {
        Event point = session.press("OFQ", 10_000);
        EarmarkException e = assertThrows(EarmarkException.class, () -> session.recode(point.id(), "CASE"));
        assertTrue(e.getMessage().contains("OFQ is a point code and CASE a span code"), e.getMessage());
        assertEquals(List.of("OFQ@9500"), stored());
    }

    @Test
    void ratingsAreUndoable() {
        session.rate("outcome_focus", 4);
        session.rate("outcome_focus", 2);
        assertEquals(Map.of("outcome_focus", 2), file.ratings("R-7Q3K"));
        session.undo();
        assertEquals(Map.of("outcome_focus", 4), file.ratings("R-7Q3K"));
        session.undo();
        assertEquals(Map.of(), file.ratings("R-7Q3K"));
        assertThrows(EarmarkException.class, () -> session.rate("outcome_focus", 6));
    }

    @Test
    void markingDoneIsSaved() {
        session.markDone(true);
        assertEquals(RecordingStatus.DONE, file.progress().get(0).status());
        session.markDone(false);
        assertEquals(RecordingStatus.IN_PROGRESS, file.progress().get(0).status());
    }

    @Test
    void aReopenedSessionSeesAndEditsWhatWasSaved() {
        Event e = session.press("OFQ", 10_500);
        CodingSession again = sessionFor(file);
        assertEquals(List.of(e.id()), again.events().stream().map(Event::id).toList());
        again.delete(e.id());
        assertEquals(List.of(), stored());
        again.undo();
        assertEquals(List.of("OFQ@10000"), stored());
    }
}

package org.earmark.ui.coding.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.model.Event;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline's arithmetic: following the playhead, zoom, hit testing and dragging. */
class TimelineViewModelTest {

    private final SimpleLongProperty position = new SimpleLongProperty();
    private final SimpleBooleanProperty playing = new SimpleBooleanProperty();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final SimpleObjectProperty<UUID> selected = new SimpleObjectProperty<>();
    private final List<String> asked = new ArrayList<>();
    private TimelineViewModel model;

    private static Event event(String code, long start, Long end) {
        Instant t = Instant.EPOCH;
        return new Event(UUID.randomUUID(), "R-7Q3K", code, start, end, "", t, t, false);
    }

    @BeforeEach
    void setUp() {
        model = new TimelineViewModel(position, playing, events, selected);
        model.durationProperty().set(600_000);
        model.lanes().setAll(TestFiles.CODEBOOK.codes());
        model.setActions(new TimelineViewModel.Actions() {
            @Override
            public void seek(long ms) {
                asked.add("seek " + ms);
            }

            @Override
            public void select(UUID eventId) {
                asked.add("select " + eventId);
            }

            @Override
            public void moveTo(UUID eventId, long startMs) {
                asked.add("move " + startMs);
            }
        });
    }

    @Test
    void aJumpOutsideTheWindowCentresItAndPlayingScrollsPastTheMiddle() {
        assertEquals(0, model.detailStartProperty().get());
        position.set(100_000);
        assertEquals(85_000, model.detailStartProperty().get(), "centred on the playhead");
        position.set(95_000);
        assertEquals(85_000, model.detailStartProperty().get(), "paused inside the window: it stays");
        playing.set(true);
        position.set(101_000);
        assertEquals(86_000, model.detailStartProperty().get(), "playing past the middle: it scrolls");
        position.set(599_000);
        assertEquals(570_000, model.detailStartProperty().get(), "never past the end");
        position.set(2_000);
        assertEquals(0, model.detailStartProperty().get(), "never before the start");
    }

    @Test
    void whileTheLengthIsUnknownTheWindowStillFollows() {
        model.durationProperty().set(-1);
        position.set(100_000);
        assertEquals(85_000, model.detailStartProperty().get());
    }

    @Test
    void zoomKeepsTheAnchorInPlace() {
        position.set(100_000);
        model.zoom(0.5, 100_000);
        assertEquals(15_000, model.detailSpanProperty().get());
        assertEquals(92_500, model.detailStartProperty().get());
        for (int i = 0; i < 20; i++) {
            model.zoomIn();
        }
        assertEquals(TimelineViewModel.MIN_SPAN_MS, model.detailSpanProperty().get());
        for (int i = 0; i < 20; i++) {
            model.zoomOut();
        }
        assertEquals(600_000, model.detailSpanProperty().get(), "zoomed out to the whole recording, not past its end");
        assertEquals(0, model.detailStartProperty().get());
        model.durationProperty().set(-1);
        for (int i = 0; i < 20; i++) {
            model.zoomOut();
        }
        assertEquals(TimelineViewModel.MAX_SPAN_MS, model.detailSpanProperty().get(), "length unknown: the widest");
    }

    @Test
    void pixelsAndTimesMapBothWays() {
        assertEquals(500.0, model.detailX(15_000, 1_000));
        assertEquals(15_000, model.detailMsAt(500, 1_000));
        assertEquals(250.0, model.overviewX(150_000, 1_000));
        assertEquals(150_000, model.overviewMsAt(250, 1_000));
        assertEquals(600_000, model.overviewMsAt(2_000, 1_000), "clamped to the recording");
    }

    @Test
    void theNearestMarkerInALaneIsHit() {
        Event ofq = event("OFQ", 10_000, null);
        Event ofq2 = event("OFQ", 10_600, null);
        Event span = event("CASE", 2_000, 20_000L);
        events.setAll(ofq, ofq2, span);
        // 30 s over 1000 px: 10 000 ms is at x = 333.3, 10 600 at 353.3
        assertEquals(Optional.of(ofq), model.eventAt(336, 0, 1_000, 8));
        assertEquals(Optional.of(ofq2), model.eventAt(350, 0, 1_000, 8));
        assertEquals(Optional.empty(), model.eventAt(336, 1, 1_000, 8), "RISK's lane has nothing there");
        assertEquals(Optional.of(span), model.eventAt(500, 5, 1_000, 8), "anywhere along a span");
        assertEquals(Optional.empty(), model.eventAt(700, 5, 1_000, 8));
        assertEquals(Optional.empty(), model.eventAt(336, 9, 1_000, 8));
    }

    @Test
    void draggingShowsWhereTheEventLandsAndReleasingMovesIt() {
        Event ofq = event("OFQ", 10_000, null);
        events.setAll(ofq);
        model.press(ofq, 10_100);
        model.dragTo(ofq, 12_100);
        assertEquals(12_000, model.dragPreviewProperty().get().startMs(), "the grip point stays under the mouse");
        model.dragTo(ofq, -5_000);
        assertEquals(0, model.dragPreviewProperty().get().startMs());
        model.release();
        assertNull(model.dragPreviewProperty().get());
        assertEquals(List.of("select " + ofq.id(), "move 0"), asked);
    }
}

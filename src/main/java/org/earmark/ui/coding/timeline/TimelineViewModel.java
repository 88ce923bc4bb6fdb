package org.earmark.ui.coding.timeline;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.audio.Peaks;
import org.earmark.codebook.EventCode;
import org.earmark.model.Event;

/**
 * What the timeline shows and the arithmetic behind it: the waveform peaks, one lane per code, the
 * events, the playhead, and the detail window (start and length) that follows the playhead. Pixel
 * positions are computed here so they can be tested without a screen.
 */
public final class TimelineViewModel {

    public static final long MIN_SPAN_MS = 2_000;
    public static final long MAX_SPAN_MS = 30 * 60_000;
    public static final long DEFAULT_SPAN_MS = 30_000;

    private final ObservableLongValue position;
    private final ObservableBooleanValue playing;
    private final ObservableList<Event> events;
    private final ObjectProperty<UUID> selected;
    private final ObservableList<EventCode> lanes = FXCollections.observableArrayList();
    private final ObjectProperty<Set<UUID>> openSpans = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<Peaks> peaks = new SimpleObjectProperty<>();
    private final LongProperty duration = new SimpleLongProperty(-1);
    private final LongProperty detailStart = new SimpleLongProperty(0);
    private final LongProperty detailSpan = new SimpleLongProperty(DEFAULT_SPAN_MS);
    private final DoubleProperty waveformProgress = new SimpleDoubleProperty(-1);
    private final javafx.beans.property.BooleanProperty waveformLoading =
            new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty waveformMessage = new SimpleStringProperty("");
    private final ObjectProperty<Event> dragPreview = new SimpleObjectProperty<>();

    public TimelineViewModel(ObservableLongValue position, ObservableBooleanValue playing,
            ObservableList<Event> events, ObjectProperty<UUID> selected) {
        this.position = position;
        this.playing = playing;
        this.events = events;
        this.selected = selected;
        position.addListener((obs, was, now) -> follow(now.longValue()));
    }

    /** Total length drawn: the player's duration when known, else the waveform's. */
    public long totalMs() {
        if (duration.get() > 0) {
            return duration.get();
        }
        Peaks p = peaks.get();
        return p == null ? 0 : p.durationMs();
    }

    /**
     * Keeps the playhead in the detail window: a jump outside it centres the window on the
     * playhead; while playing, the window scrolls once the playhead passes its middle.
     */
    void follow(long at) {
        long start = detailStart.get();
        long span = detailSpan.get();
        if (at < start || at > start + span) {
            setStart(at - span / 2);
        } else if (playing.get() && at > start + span / 2) {
            setStart(at - span / 2);
        }
    }

    public void zoomIn() {
        zoom(0.5, position.get());
    }

    public void zoomOut() {
        zoom(2, position.get());
    }

    /** Changes the detail window's length, keeping {@code anchorMs} where it is on screen. */
    public void zoom(double factor, long anchorMs) {
        long span = detailSpan.get();
        // Zoomed out no further than the whole recording: beyond it the view showed time after the end.
        long total = totalMs();
        long widest = total > 0 ? Math.max(MIN_SPAN_MS, Math.min(MAX_SPAN_MS, total)) : MAX_SPAN_MS;
        long next = Math.max(MIN_SPAN_MS, Math.min(widest, Math.round(span * factor)));
        double fraction = (anchorMs - detailStart.get()) / (double) span;
        detailSpan.set(next);
        setStart(Math.round(anchorMs - fraction * next));
    }

    public void pan(long deltaMs) {
        setStart(detailStart.get() + deltaMs);
    }

    private void setStart(long start) {
        long total = totalMs();
        long max = total > 0 ? Math.max(0, total - detailSpan.get()) : Long.MAX_VALUE; // length unknown yet
        detailStart.set(Math.max(0, Math.min(max, start)));
    }

    /** x of a moment in the detail view, {@code width} pixels wide. */
    public double detailX(long ms, double width) {
        return (ms - detailStart.get()) * width / detailSpan.get();
    }

    public long detailMsAt(double x, double width) {
        return Math.max(0, detailStart.get() + Math.round(x / width * detailSpan.get()));
    }

    public double overviewX(long ms, double width) {
        long total = totalMs();
        return total <= 0 ? 0 : ms * width / total;
    }

    public long overviewMsAt(double x, double width) {
        long total = totalMs();
        return total <= 0 ? 0 : Math.max(0, Math.min(total, Math.round(x / width * total)));
    }

    /**
     * The event under a point of the detail view's lane {@code lane}: a point event within
     * {@code tolerancePx} of x, else a span that covers x. The nearest wins.
     */
    public Optional<Event> eventAt(double x, int lane, double width, double tolerancePx) {
        if (lane < 0 || lane >= lanes.size()) {
            return Optional.empty();
        }
        String code = lanes.get(lane).id();
        Event best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Event e : events) {
            if (!e.code().equals(code)) {
                continue;
            }
            double start = detailX(e.startMs(), width);
            double end = e.isSpan() ? detailX(e.endMs(), width) : start;
            double distance = x < start ? start - x : x > end ? x - end : 0;
            if (distance <= tolerancePx && distance < bestDistance) {
                best = e;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Index of a code's lane, or -1. */
    public int laneOf(String codeId) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).id().equals(codeId)) {
                return i;
            }
        }
        return -1;
    }

    /** What the timeline asks of the coding view when the coder clicks or drags. */
    public interface Actions {
        void seek(long ms);

        void select(UUID eventId);

        void moveTo(UUID eventId, long startMs);
    }

    private Actions actions = new Actions() {
        @Override
        public void seek(long ms) {
        }

        @Override
        public void select(UUID eventId) {
        }

        @Override
        public void moveTo(UUID eventId, long startMs) {
        }
    };
    private long dragOffsetMs;

    public void setActions(Actions actions) {
        this.actions = actions;
    }

    public void seek(long ms) {
        actions.seek(ms);
    }

    /** A marker was pressed at {@code atMs}: it is selected, and may be dragged from there. */
    public void press(Event event, long atMs) {
        actions.select(event.id());
        dragOffsetMs = atMs - event.startMs();
    }

    /** The pressed marker is dragged to {@code atMs}; shows where it would land. */
    public void dragTo(Event event, long atMs) {
        long length = event.isSpan() ? event.endMs() - event.startMs() : 0;
        long start = Math.max(0, atMs - dragOffsetMs);
        if (totalMs() > 0) {
            start = Math.min(start, totalMs() - length);
        }
        dragPreview.set(event.withTiming(start, event.isSpan() ? start + length : null, event.updatedAt()));
    }

    /** The drag ended: the event moves where the preview was (one undo step). */
    public void release() {
        Event preview = dragPreview.get();
        dragPreview.set(null);
        if (preview != null) {
            actions.moveTo(preview.id(), preview.startMs());
        }
    }

    /** Forgets the recording: no peaks, no lanes content, window at the start. */
    public void reset() {
        peaks.set(null);
        detailStart.set(0);
        waveformProgress.unbind();
        waveformProgress.set(-1);
        waveformLoading.set(false);
        waveformMessage.set("");
        dragPreview.set(null);
        openSpans.set(Set.of());
    }

    public long position() {
        return position.get();
    }

    public ObservableList<Event> events() {
        return events;
    }

    public ObjectProperty<UUID> selectedProperty() {
        return selected;
    }

    public ObservableList<EventCode> lanes() {
        return lanes;
    }

    public ObjectProperty<Set<UUID>> openSpansProperty() {
        return openSpans;
    }

    public ObjectProperty<Peaks> peaksProperty() {
        return peaks;
    }

    public LongProperty durationProperty() {
        return duration;
    }

    public LongProperty detailStartProperty() {
        return detailStart;
    }

    public LongProperty detailSpanProperty() {
        return detailSpan;
    }

    /** 0..1 while the waveform is computed, negative while the amount is not known. */
    public DoubleProperty waveformProgressProperty() {
        return waveformProgress;
    }

    /** Whether the waveform is being read or computed. */
    public javafx.beans.property.BooleanProperty waveformLoadingProperty() {
        return waveformLoading;
    }

    /** Why there is no waveform, or empty. */
    public StringProperty waveformMessageProperty() {
        return waveformMessage;
    }

    /** The event being dragged, where it would land; {@code null} when nothing is dragged. */
    public ObjectProperty<Event> dragPreviewProperty() {
        return dragPreview;
    }
}

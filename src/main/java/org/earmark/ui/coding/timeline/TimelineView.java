package org.earmark.ui.coding.timeline;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.earmark.audio.Peaks;
import org.earmark.codebook.EventCode;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;

/**
 * The waveform timeline: an overview strip of the whole recording with the detail window marked, and
 * the zoomed detail view with a time ruler, the waveform, the playhead and one lane of markers per
 * code. Click or drag to seek; press a marker to select it and drag it to move it; Ctrl+wheel zooms,
 * the wheel pans. Sizes follow the font size, so the view scales with the desktop.
 */
public final class TimelineView extends VBox {

    private static final double DRAG_THRESHOLD_PX = 3;

    private final TimelineViewModel model;
    private final Canvas overview = new Canvas();
    private final Canvas detail = new Canvas();
    private final ProgressBar progress = new ProgressBar();
    private final Label message = new Label();
    private final Font font = Font.getDefault();
    private final Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
    private final double em = font.getSize();
    private boolean dirty = true;
    private long lastPosition = -1;
    private Peaks cachedFor;
    private int cachedWidth;
    private short[] overviewMin = new short[0];
    private short[] overviewMax = new short[0];
    private Event pressed;
    private double pressX;
    private boolean dragging;

    public TimelineView(TimelineViewModel model, ResourceBundle text) {
        this.model = model;
        setId("timeline");
        getStyleClass().add("timeline");
        overview.setId("timeline-overview");
        detail.setId("timeline-detail");
        overview.setAccessibleText(text.getString("timeline.overview"));
        detail.setAccessibleText(text.getString("timeline.detail"));
        Pane overviewHost = hostFor(overview);
        Pane detailHost = hostFor(detail);
        progress.setPrefWidth(em * 20);
        progress.progressProperty().bind(model.waveformProgressProperty());
        progress.visibleProperty().bind(model.waveformLoadingProperty());
        progress.setId("waveform-progress");
        message.setId("waveform-message");
        message.textProperty().bind(model.waveformMessageProperty());
        message.getStyleClass().add("text-muted");
        VBox status = new VBox(em * 0.3, progress, message);
        status.setAlignment(Pos.CENTER);
        status.setMouseTransparent(true);
        status.setMaxHeight(em * 6.6);
        StackPane detailStack = new StackPane(detailHost, status);
        StackPane.setAlignment(status, Pos.TOP_CENTER);
        getChildren().addAll(overviewHost, detailStack);
        setSpacing(em * 0.4);

        overview.setHeight(em * 3.2);
        layoutHeights();
        for (Observable o : List.<Observable>of(model.peaksProperty(), model.durationProperty(),
                model.detailStartProperty(), model.detailSpanProperty(), model.events(), model.selectedProperty(),
                model.openSpansProperty(), model.dragPreviewProperty(), model.waveformMessageProperty())) {
            o.addListener(x -> dirty = true);
        }
        model.lanes().addListener((Observable x) -> layoutHeights());
        overview.widthProperty().addListener(x -> dirty = true);
        detail.widthProperty().addListener(x -> dirty = true);
        wireMouse();
    }

    /** The marker a code has on the timeline (its lane's shape, its colour), for legends. */
    public static Canvas swatch(int lane, String colour, double size) {
        Canvas c = new Canvas(size, size);
        TimelinePainter.marker(c.getGraphicsContext2D(), TimelinePainter.shapeOf(lane), size / 2, size / 2,
                size / 2 - 2, Color.web(colour), false);
        return c;
    }

    private static Pane hostFor(Canvas canvas) {
        Pane host = new Pane(canvas);
        canvas.widthProperty().bind(host.widthProperty());
        host.minHeightProperty().bind(canvas.heightProperty());
        host.prefHeightProperty().bind(canvas.heightProperty());
        host.setMinWidth(0);
        return host;
    }

    private double gutter() {
        return em * 7.5;
    }

    private double rulerHeight() {
        return em * 1.6;
    }

    private double waveHeight() {
        return em * 5;
    }

    private double laneHeight() {
        return em * 1.9;
    }

    private double lanesTop() {
        return rulerHeight() + waveHeight();
    }

    private void layoutHeights() {
        detail.setHeight(lanesTop() + Math.max(1, model.lanes().size()) * laneHeight() + 2);
        dirty = true;
    }

    /** Redraws if anything changed since the last frame; the coding view calls it every frame. */
    public void paintIfDirty(long position) {
        if (position != lastPosition) {
            lastPosition = position;
            dirty = true;
        }
        if (!dirty || overview.getWidth() <= gutter() + 10) {
            return;
        }
        dirty = false;
        paintOverview(overview.getGraphicsContext2D(), position);
        paintDetail(detail.getGraphicsContext2D(), position);
    }

    private double plotWidth() {
        return detail.getWidth() - gutter();
    }

    private void paintOverview(GraphicsContext g, long position) {
        double w = overview.getWidth() - gutter();
        double h = overview.getHeight();
        double waveH = h * 0.68;
        g.setFill(TimelinePainter.BACKGROUND);
        g.fillRect(0, 0, overview.getWidth(), h);
        g.setFill(TimelinePainter.STRIPE);
        g.fillRect(gutter(), 0, w, h);
        Peaks peaks = model.peaksProperty().get();
        long total = model.totalMs();
        if (peaks != null && total > 0) {
            if (peaks != cachedFor || (int) w != cachedWidth) {
                cachedFor = peaks;
                cachedWidth = (int) w;
                overviewMin = new short[cachedWidth];
                overviewMax = new short[cachedWidth];
                TimelinePainter.columns(peaks, 0, total, cachedWidth, overviewMin, overviewMax);
            }
            TimelinePainter.waveform(g, gutter(), 0, waveH, overviewMin, overviewMax);
        }
        g.setFont(font);
        g.setFill(TimelinePainter.MUTED);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(total > 0 ? TimeFormat.duration(total) : "", 6, h / 2);
        if (total <= 0) {
            return;
        }
        int lanes = Math.max(1, model.lanes().size());
        double band = (h - waveH) / lanes;
        for (Event e : model.events()) {
            int lane = model.laneOf(e.code());
            double x0 = gutter() + model.overviewX(e.startMs(), w);
            double x1 = e.isSpan() ? gutter() + model.overviewX(e.endMs(), w) : x0;
            g.setFill(colour(e.code()));
            g.fillRect(x0 - 1, waveH + band * Math.max(0, lane), Math.max(2, x1 - x0 + 2), Math.max(2, band - 1));
        }
        double a = gutter() + model.overviewX(model.detailStartProperty().get(), w);
        double b = gutter() + model.overviewX(model.detailStartProperty().get() + model.detailSpanProperty().get(), w);
        g.setFill(TimelinePainter.WINDOW);
        g.fillRect(a, 0, Math.max(2, b - a), h);
        g.setStroke(TimelinePainter.WINDOW_EDGE);
        g.setLineWidth(1.5);
        g.strokeRect(a, 0.75, Math.max(2, b - a), h - 1.5);
        double x = gutter() + model.overviewX(position, w);
        TimelinePainter.playhead(g, x, 0, h, em * 0.35);
    }

    private void paintDetail(GraphicsContext g, long position) {
        double w = plotWidth();
        double left = gutter();
        g.setFill(TimelinePainter.BACKGROUND);
        g.fillRect(0, 0, detail.getWidth(), detail.getHeight());
        TimelinePainter.ruler(g, model, left, w, rulerHeight(), font);
        Peaks peaks = model.peaksProperty().get();
        long start = model.detailStartProperty().get();
        long span = model.detailSpanProperty().get();
        if (peaks != null) {
            int columns = Math.max(1, (int) w);
            short[] min = new short[columns];
            short[] max = new short[columns];
            TimelinePainter.columns(peaks, start, start + span, columns, min, max);
            TimelinePainter.waveform(g, left, rulerHeight(), waveHeight(), min, max);
        }
        List<EventCode> lanes = model.lanes();
        Event preview = model.dragPreviewProperty().get();
        UUID selected = model.selectedProperty().get();
        int selectedLane = model.events().stream().filter(e -> e.id().equals(selected)).findFirst()
                .map(e -> model.laneOf(e.code())).orElse(-1);
        for (int i = 0; i < lanes.size(); i++) {
            double y = lanesTop() + i * laneHeight();
            g.setFill(i == selectedLane ? TimelinePainter.SELECTED_LANE : i % 2 == 0 ? TimelinePainter.STRIPE
                    : TimelinePainter.BACKGROUND);
            g.fillRect(0, y, detail.getWidth(), laneHeight());
            TimelinePainter.laneLabel(g, lanes.get(i), i, y, laneHeight(), left, font, bold);
        }
        g.setStroke(TimelinePainter.GRID);
        g.setLineWidth(1);
        g.strokeLine(left - 0.5, 0, left - 0.5, detail.getHeight());
        g.save();
        g.beginPath();
        g.rect(left, 0, w, detail.getHeight());
        g.clip();
        Set<UUID> open = model.openSpansProperty().get();
        for (Event e : model.events()) {
            Event shown = preview != null && preview.id().equals(e.id()) ? preview : e;
            boolean isOpen = TimelinePainter.isOpen(open, e);
            long end = shown.isSpan() ? (isOpen ? Math.max(shown.endMs(), position) : shown.endMs()) : shown.startMs();
            if (end < start - span / 20 || shown.startMs() > start + span + span / 20) {
                continue;
            }
            drawEvent(g, shown, end, shown.id().equals(selected), isOpen, left, w);
        }
        if (selected != null) {
            model.events().stream().filter(e -> e.id().equals(selected)).findFirst().ifPresent(e -> {
                Event shown = preview != null && preview.id().equals(e.id()) ? preview : e;
                double x = left + model.detailX(shown.startMs(), w);
                g.setStroke(TimelinePainter.TEXT);
                g.setLineWidth(1.5);
                g.setLineDashes(5, 4);
                g.strokeLine(x, rulerHeight(), x, lanesTop());
                g.setLineDashes();
            });
        }
        TimelinePainter.playhead(g, left + model.detailX(position, w), 0, detail.getHeight(), em * 0.45);
        g.restore();
    }

    /** Where an event's marker is drawn in the detail canvas, if it is in view (for tests and tooltips). */
    public java.util.Optional<javafx.geometry.Point2D> markerCentre(UUID id) {
        return model.events().stream().filter(e -> e.id().equals(id)).findFirst().map(e -> {
            double x = gutter() + model.detailX(e.startMs(), plotWidth());
            double y = lanesTop() + Math.max(0, model.laneOf(e.code())) * laneHeight() + laneHeight() / 2;
            return new javafx.geometry.Point2D(x, y);
        }).filter(p -> p.getX() >= gutter() && p.getX() <= detail.getWidth());
    }

    /** The detail canvas, for tests that look at what is drawn. */
    public Canvas detailCanvas() {
        return detail;
    }

    private void drawEvent(GraphicsContext g, Event e, long endMs, boolean selected, boolean open, double left,
            double w) {
        int lane = model.laneOf(e.code());
        if (lane < 0) {
            return;
        }
        double y = lanesTop() + lane * laneHeight();
        Color fill = colour(e.code());
        double x0 = left + model.detailX(e.startMs(), w);
        if (e.isSpan()) {
            double x1 = left + model.detailX(endMs, w);
            TimelinePainter.span(g, x0, x1, y + laneHeight() * 0.22, laneHeight() * 0.56, fill, selected, open);
        } else {
            TimelinePainter.marker(g, TimelinePainter.shapeOf(lane), x0, y + laneHeight() / 2, laneHeight() * 0.3,
                    fill, selected);
        }
    }

    private Color colour(String code) {
        int lane = model.laneOf(code);
        return lane < 0 ? Color.GRAY : Color.web(model.lanes().get(lane).colour());
    }

    private void wireMouse() {
        overview.setOnMousePressed(e -> seekOverview(e));
        overview.setOnMouseDragged(e -> seekOverview(e));
        overview.setCursor(Cursor.HAND);
        detail.setOnMousePressed(this::pressDetail);
        detail.setOnMouseDragged(this::dragDetail);
        detail.setOnMouseReleased(e -> {
            if (pressed != null && dragging) {
                model.release();
            }
            pressed = null;
            dragging = false;
        });
        detail.setOnMouseMoved(e -> detail.setCursor(hit(e) != null ? Cursor.HAND : Cursor.DEFAULT));
        detail.setOnScroll(this::scroll);
        overview.setOnScroll(this::scroll);
    }

    private void seekOverview(MouseEvent e) {
        double w = overview.getWidth() - gutter();
        model.seek(model.overviewMsAt(Math.max(0, e.getX() - gutter()), w));
    }

    private Event hit(MouseEvent e) {
        int lane = (int) Math.floor((e.getY() - lanesTop()) / laneHeight());
        if (e.getY() < lanesTop() || e.getX() < gutter()) {
            return null;
        }
        return model.eventAt(e.getX() - gutter(), lane, plotWidth(), laneHeight() * 0.45).orElse(null);
    }

    private void pressDetail(MouseEvent e) {
        if (e.getX() < gutter()) {
            return;
        }
        pressed = hit(e);
        pressX = e.getX();
        dragging = false;
        long at = model.detailMsAt(e.getX() - gutter(), plotWidth());
        if (pressed != null) {
            model.press(pressed, at);
        } else {
            model.seek(at);
        }
    }

    private void dragDetail(MouseEvent e) {
        long at = model.detailMsAt(Math.max(0, e.getX() - gutter()), plotWidth());
        if (pressed == null) {
            model.seek(at);
            return;
        }
        if (dragging || Math.abs(e.getX() - pressX) > DRAG_THRESHOLD_PX) {
            dragging = true;
            model.dragTo(pressed, at);
        }
    }

    private void scroll(ScrollEvent e) {
        double w = plotWidth();
        if (e.isControlDown() || e.isShortcutDown()) {
            long anchor = model.detailMsAt(Math.max(0, e.getX() - gutter()), w);
            model.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, anchor);
        } else {
            double delta = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
            model.pan(Math.round(-delta * model.detailSpanProperty().get() / w));
        }
        e.consume();
    }
}

package org.earmark.ui.coding.timeline;

import java.util.Set;
import java.util.UUID;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.earmark.audio.Peaks;
import org.earmark.codebook.EventCode;
import org.earmark.model.Event;

/**
 * Draws the timeline. Every code has its own lane and its own marker shape as well as its codebook
 * colour, so codes stay apart for coders who cannot tell the colours apart; the selected event gets a
 * thick dark outline and a guide line, never just another colour.
 */
final class TimelinePainter {

    static final Color BACKGROUND = Color.web("#ffffff");
    static final Color STRIPE = Color.web("#f6f8fa");
    static final Color GRID = Color.web("#d0d7de");
    static final Color WAVE = Color.web("#8c959f");
    static final Color TEXT = Color.web("#24292f");
    static final Color MUTED = Color.web("#57606a");
    static final Color PLAYHEAD = Color.web("#24292f");
    static final Color WINDOW = Color.web("#0969da", 0.12);
    static final Color WINDOW_EDGE = Color.web("#0969da");
    static final Color SELECTED_LANE = Color.web("#ddf4ff");

    /** Marker shapes, one per lane in turn. */
    enum Shape { DIAMOND, CIRCLE, TRIANGLE, SQUARE, DOWN_TRIANGLE, HEXAGON }

    private static final long[] TICK_STEPS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
        120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000};

    private TimelinePainter() {
    }

    static Shape shapeOf(int lane) {
        return Shape.values()[lane % Shape.values().length];
    }

    /** Min and max of the peaks under each of {@code columns} pixel columns covering [fromMs, toMs). */
    static void columns(Peaks peaks, long fromMs, long toMs, int columns, short[] min, short[] max) {
        double binsPerColumn = (toMs - fromMs) / (double) peaks.binMillis() / columns;
        double firstBin = fromMs / (double) peaks.binMillis();
        for (int x = 0; x < columns; x++) {
            int a = (int) Math.floor(firstBin + x * binsPerColumn);
            int b = Math.max(a + 1, (int) Math.floor(firstBin + (x + 1) * binsPerColumn));
            short lo = 0;
            short hi = 0;
            for (int i = Math.max(0, a); i < Math.min(peaks.bins(), b); i++) {
                lo = (short) Math.min(lo, peaks.min()[i]);
                hi = (short) Math.max(hi, peaks.max()[i]);
            }
            min[x] = lo;
            max[x] = hi;
        }
    }

    static void waveform(GraphicsContext g, double left, double top, double height, short[] min, short[] max) {
        double mid = top + height / 2;
        double scale = height / 2 / 32768.0;
        g.setStroke(WAVE);
        g.setLineWidth(1);
        for (int x = 0; x < min.length; x++) {
            double y0 = mid - max[x] * scale;
            double y1 = mid - min[x] * scale;
            g.strokeLine(left + x + 0.5, y0, left + x + 0.5, Math.max(y1, y0 + 1));
        }
    }

    /** Time labels along the top of the detail view, at least six characters apart. */
    static void ruler(GraphicsContext g, TimelineViewModel m, double left, double width, double height, Font font) {
        long span = m.detailSpanProperty().get();
        double minGap = font.getSize() * 6;
        long step = TICK_STEPS[TICK_STEPS.length - 1];
        for (long s : TICK_STEPS) {
            if (s * width / span >= minGap) {
                step = s;
                break;
            }
        }
        g.setFont(font);
        g.setFill(MUTED);
        g.setStroke(GRID);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        long first = (m.detailStartProperty().get() / step) * step;
        for (long t = first; t <= m.detailStartProperty().get() + span; t += step) {
            double x = left + m.detailX(t, width);
            if (x < left) {
                continue;
            }
            g.strokeLine(x + 0.5, height * 0.55, x + 0.5, height);
            g.fillText(label(t, step), x + 3, height * 0.45);
        }
    }

    static String label(long ms, long step) {
        long s = ms / 1000;
        String whole = String.format("%d:%02d", s / 60, s % 60);
        return step < 1_000 ? whole + "." + (ms % 1000) / 100 : whole;
    }

    /** A point marker of the given shape centred at (x, y) with radius r. */
    static void marker(GraphicsContext g, Shape shape, double x, double y, double r, Color fill, boolean selected) {
        double[] xs;
        double[] ys;
        switch (shape) {
            case CIRCLE -> {
                g.setFill(fill);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                outline(g, selected);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                return;
            }
            case SQUARE -> {
                double s = r * 0.85;
                xs = new double[] {x - s, x + s, x + s, x - s};
                ys = new double[] {y - s, y - s, y + s, y + s};
            }
            case TRIANGLE -> {
                xs = new double[] {x, x + r, x - r};
                ys = new double[] {y - r, y + r * 0.8, y + r * 0.8};
            }
            case DOWN_TRIANGLE -> {
                xs = new double[] {x - r, x + r, x};
                ys = new double[] {y - r * 0.8, y - r * 0.8, y + r};
            }
            case HEXAGON -> {
                double h = r * 0.87;
                xs = new double[] {x - r, x - r / 2, x + r / 2, x + r, x + r / 2, x - r / 2};
                ys = new double[] {y, y - h, y - h, y, y + h, y + h};
            }
            default -> {
                xs = new double[] {x, x + r, x, x - r};
                ys = new double[] {y - r, y, y + r, y};
            }
        }
        g.setFill(fill);
        g.fillPolygon(xs, ys, xs.length);
        outline(g, selected);
        g.strokePolygon(xs, ys, xs.length);
    }

    private static void outline(GraphicsContext g, boolean selected) {
        g.setStroke(selected ? TEXT : TEXT.deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(selected ? 3 : 1);
    }

    /** A span as a bar from x0 to x1; an open span (still being coded) has a dashed end. */
    static void span(GraphicsContext g, double x0, double x1, double y, double h, Color fill, boolean selected,
            boolean open) {
        double w = Math.max(3, x1 - x0);
        g.setFill(fill.deriveColor(0, 1, 1, 0.75));
        g.fillRoundRect(x0, y, w, h, h / 2, h / 2);
        outline(g, selected);
        if (open) {
            g.setLineDashes(4, 3);
        }
        g.strokeRoundRect(x0, y, w, h, h / 2, h / 2);
        g.setLineDashes();
    }

    static void playhead(GraphicsContext g, double x, double top, double bottom, double head) {
        g.setStroke(PLAYHEAD);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(x, top, x, bottom);
        g.setFill(PLAYHEAD);
        g.fillPolygon(new double[] {x - head, x + head, x}, new double[] {top, top, top + head * 1.2}, 3);
    }

    /** The lane's label: hotkey, code id, and its marker shape in its colour. */
    static void laneLabel(GraphicsContext g, EventCode code, int lane, double y, double h, double gutter, Font font,
            Font bold) {
        double r = h * 0.28;
        marker(g, shapeOf(lane), r + 6, y + h / 2, r, Color.web(code.colour()), false);
        g.setFill(TEXT);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(code.id(), 2 * r + 12, y + h / 2, gutter - 2 * r - 14 - font.getSize() * 1.2);
        g.setFont(font);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(code.hotkey().name(), gutter - 6, y + h / 2);
    }

    static boolean isOpen(Set<UUID> open, Event e) {
        return open.contains(e.id());
    }
}

package org.earmark.ui.adjudication;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.earmark.audio.Peaks;
import org.earmark.codebook.Codebook;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/**
 * The two coders' lanes side by side on one timeline, drawn on a canvas: an overview strip of the
 * whole recording with every disagreement marked, and below it a detail view around the current
 * disagreement with the waveform, coder A's lane, coder B's lane and the consensus so far.
 * Clicking the overview selects the nearest disagreement.
 */
final class LaneCanvas extends Region {

    private static final double OVERVIEW = 34;
    private static final double AXIS = 18;
    private static final double WAVE = 70;
    private static final double LANE = 40;
    private static final double LABEL_W = 110;
    private static final long WINDOW_MS = 30_000;

    private final AdjudicationViewModel model;
    private final ResourceBundle text;
    private final Canvas canvas = new Canvas();

    LaneCanvas(AdjudicationViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        setId("adjudication-timeline");
        getChildren().add(canvas);
        setMinHeight(OVERVIEW + AXIS + WAVE + 3 * LANE + 24);
        setPrefHeight(getMinHeight());
        model.peaksProperty().addListener((o, a, b) -> draw());
        model.revisionProperty().addListener((o, a, b) -> draw());
        model.currentProperty().addListener((o, a, b) -> draw());
        model.durationMsProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> {
            if (e.getY() <= OVERVIEW) {
                selectNear(e.getX());
            }
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LABEL_W - 8);
    }

    private void selectNear(double x) {
        Adjudication adj = model.adjudicationProperty().get();
        long duration = model.durationMsProperty().get();
        if (adj == null || duration <= 0) {
            return;
        }
        long at = (long) ((x - LABEL_W) / plotWidth() * duration);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < adj.items().size(); i++) {
            long t = adj.items().get(i).atMs();
            if (t >= 0 && Math.abs(t - at) < bestDistance) {
                bestDistance = Math.abs(t - at);
                best = i;
            }
        }
        if (best >= 0) {
            model.currentProperty().set(best);
        }
    }

    void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        Adjudication adj = model.adjudicationProperty().get();
        long duration = model.durationMsProperty().get();
        if (w <= LABEL_W || duration <= 0) {
            return;
        }
        Peaks peaks = model.peaksProperty().get();
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);

        // overview: the whole recording
        double pw = plotWidth();
        g.setFill(Color.web("#f3f4f6"));
        g.fillRect(LABEL_W, 0, pw, OVERVIEW - 4);
        waveform(g, peaks, 0, duration, LABEL_W, 0, pw, OVERVIEW - 4, Color.web("#9ca3af"));
        label(g, text.getString("adjudication.lane.overview"), OVERVIEW / 2 - 2);
        long[] window = window(adj, duration);
        if (adj != null) {
            for (int i = 0; i < adj.items().size(); i++) {
                Adjudication.Item it = adj.items().get(i);
                if (it.atMs() < 0) {
                    continue;
                }
                double x = LABEL_W + pw * it.atMs() / duration;
                boolean open = adj.resolution(i).choice() == Adjudication.Choice.OPEN;
                g.setStroke(i == model.currentProperty().get() ? Color.web("#b45309")
                        : open ? Color.web("#dc2626") : Color.web("#16a34a"));
                g.setLineWidth(i == model.currentProperty().get() ? 3 : 1.5);
                g.strokeLine(x, 2, x, OVERVIEW - 6);
            }
        }
        g.setStroke(Color.web("#2563eb"));
        g.setLineWidth(1.5);
        double wx0 = LABEL_W + pw * window[0] / duration;
        double wx1 = LABEL_W + pw * window[1] / duration;
        g.strokeRect(wx0, 1, Math.max(2, wx1 - wx0), OVERVIEW - 6);

        // detail: around the current disagreement
        double y = OVERVIEW;
        axis(g, window, y, pw);
        y += AXIS;
        Adjudication.Item current = model.currentItem();
        double lanesTop = y;
        double lanesBottom = y + WAVE + 3 * LANE;
        if (current != null && current.atMs() >= 0) {
            double x0 = x(current.atMs() - 300, window, pw);
            double x1 = x(current.focusEndMs() + 300, window, pw);
            g.setFill(Color.web("#fde68a", 0.55));
            g.fillRect(Math.max(LABEL_W, x0), lanesTop, Math.max(3, Math.min(LABEL_W + pw, x1) - Math.max(LABEL_W, x0)),
                    lanesBottom - lanesTop);
        }
        waveform(g, peaks, window[0], window[1], LABEL_W, y, pw, WAVE, Color.web("#6b7280"));
        label(g, text.getString("adjudication.lane.waveform"), y + WAVE / 2);
        y += WAVE;
        if (adj == null) {
            return;
        }
        List<Event> laneA = new ArrayList<>(adj.agreed());
        List<Event> laneB = new ArrayList<>(adj.agreedByB());
        for (Adjudication.Item it : adj.items()) {
            if (it.a() != null) {
                laneA.add(it.a());
            }
            if (it.b() != null) {
                laneB.add(it.b());
            }
        }
        lane(g, "A: " + adj.coderA(), laneA.stream().map(Adjudication::toNew).toList(), window, y, pw);
        y += LANE;
        lane(g, "B: " + adj.coderB(), laneB.stream().map(Adjudication::toNew).toList(), window, y, pw);
        y += LANE;
        lane(g, text.getString("adjudication.lane.consensus"), adj.consensusEvents(), window, y, pw);
    }

    /** The stretch the detail view shows: 30 s around the current disagreement, or all of a short recording. */
    private long[] window(Adjudication adj, long duration) {
        if (duration <= WINDOW_MS) {
            return new long[] {0, duration};
        }
        Adjudication.Item it = model.currentItem();
        long centre = it == null || it.atMs() < 0 ? WINDOW_MS / 2 : (it.atMs() + it.focusEndMs()) / 2;
        long start = Math.max(0, Math.min(duration - WINDOW_MS, centre - WINDOW_MS / 2));
        return new long[] {start, start + WINDOW_MS};
    }

    private double x(long ms, long[] window, double pw) {
        return LABEL_W + pw * (ms - window[0]) / (double) (window[1] - window[0]);
    }

    private void axis(GraphicsContext g, long[] window, double y, double pw) {
        long span = window[1] - window[0];
        long step = span <= 10_000 ? 1_000 : span <= 40_000 ? 5_000 : span <= 200_000 ? 30_000 : 60_000;
        g.setStroke(Color.web("#d1d5db"));
        g.setFill(Color.web("#374151"));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        for (long t = (window[0] + step - 1) / step * step; t <= window[1]; t += step) {
            double x = x(t, window, pw);
            g.strokeLine(x, y + AXIS - 4, x, y + AXIS + WAVE + 3 * LANE);
            if (x > LABEL_W + 16 && x < LABEL_W + pw - 16) {
                g.fillText(TimeFormat.duration(t), x, y + AXIS / 2);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void label(GraphicsContext g, String s, double y) {
        g.setFill(Color.web("#111827"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(s, 6, y, LABEL_W - 10);
    }

    private void lane(GraphicsContext g, String name, List<NewEvent> events, long[] window, double y, double pw) {
        g.setStroke(Color.web("#e5e7eb"));
        g.setLineWidth(1);
        g.strokeLine(LABEL_W, y + LANE, LABEL_W + pw, y + LANE);
        label(g, name, y + LANE / 2);
        Codebook codebook = model.codebook();
        for (NewEvent e : events) {
            long end = e.endMs() == null ? e.startMs() : e.endMs();
            if (end < window[0] || e.startMs() > window[1]) {
                continue;
            }
            Color colour = codebook.code(e.code()).map(c -> {
                try {
                    return Color.web(c.colour());
                } catch (IllegalArgumentException ex) {
                    return Color.GRAY;
                }
            }).orElse(Color.GRAY);
            double x0 = Math.max(LABEL_W, x(e.startMs(), window, pw));
            g.setFill(colour);
            if (e.endMs() != null) {
                double x1 = Math.min(LABEL_W + pw, x(e.endMs(), window, pw));
                g.setGlobalAlpha(0.35);
                g.fillRect(x0, y + 8, Math.max(2, x1 - x0), LANE - 16);
                g.setGlobalAlpha(1);
                g.setFill(Color.web("#111827"));
                g.fillText(e.code(), x0 + 4, y + LANE / 2);
            } else {
                double cy = y + LANE / 2;
                g.fillPolygon(new double[] {x0, x0 + 6, x0, x0 - 6}, new double[] {cy - 8, cy, cy + 8, cy}, 4);
                g.setFill(Color.web("#111827"));
                g.fillText(e.code(), x0 + 8, cy);
            }
        }
    }

    private static void waveform(GraphicsContext g, Peaks peaks, long from, long to, double x, double y, double w,
            double h, Color colour) {
        double mid = y + h / 2;
        g.setStroke(colour);
        g.setLineWidth(1);
        if (peaks == null || peaks.bins() == 0 || to <= from) {
            g.strokeLine(x, mid, x + w, mid);
            return;
        }
        int columns = (int) Math.max(1, w);
        for (int c = 0; c < columns; c++) {
            long t0 = from + (to - from) * c / columns;
            long t1 = from + (to - from) * (c + 1) / columns;
            int b0 = (int) Math.max(0, t0 / peaks.binMillis());
            int b1 = (int) Math.min(peaks.bins() - 1, Math.max(b0, t1 / peaks.binMillis()));
            if (b0 >= peaks.bins()) {
                break;
            }
            int lo = 0;
            int hi = 0;
            for (int b = b0; b <= b1; b++) {
                lo = Math.min(lo, peaks.min()[b]);
                hi = Math.max(hi, peaks.max()[b]);
            }
            double y0 = mid - hi / 32768.0 * h / 2;
            double y1 = mid - lo / 32768.0 * h / 2;
            g.strokeLine(x + c + 0.5, y0, x + c + 0.5, Math.max(y0 + 1, y1));
        }
    }
}

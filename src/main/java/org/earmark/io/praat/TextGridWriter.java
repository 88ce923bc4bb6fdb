package org.earmark.io.praat;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.core.EarmarkException;
import org.earmark.io.interchange.Seconds;
import org.earmark.io.interchange.TierLayout;
import org.earmark.model.Event;
import org.earmark.model.Recording;

/**
 * One recording's events as a Praat TextGrid in Praat's long ("normal") text format: the domain is
 * 0 to the recording's length (or the last event, when the length is unknown); each point code is a
 * point tier ({@code TextTier}) with a point per event, mark = note; each span code is an
 * {@code IntervalTier} whose intervals tile the domain, the events' intervals labelled with their
 * note and the stretches between them empty.
 *
 * <p>An empty interval text means "nothing here" to Praat, so a span event without a note is
 * labelled with its code id; reading turns that label back into an empty note. Times are written
 * in seconds with up to three decimals: exactly the stored milliseconds.
 */
public final class TextGridWriter {

    private TextGridWriter() {
    }

    /** The TextGrid of a recording's (non-deleted) events. */
    public static TextGrid build(Codebook codebook, Recording recording, List<Event> events) {
        long xmaxMs = recording.durationMs() == null ? 0 : recording.durationMs();
        for (Event e : events) {
            if (e.endMs() != null && e.endMs() == e.startMs()) {
                throw EarmarkException.badInput("The " + e.code() + " span event at " + Seconds.display(e.startMs())
                        + " on " + e.recordingId() + " has no length; a Praat interval cannot end where it starts."
                        + " Give it an end after its start, or delete it, and export again");
            }
            xmaxMs = Math.max(xmaxMs, e.endMs() == null ? e.startMs() : e.endMs());
        }
        if (xmaxMs == 0) {
            xmaxMs = 1; // Praat needs a domain that is not empty
        }
        BigDecimal xmin = BigDecimal.ZERO;
        BigDecimal xmax = Seconds.of(xmaxMs);
        List<TextGrid.Tier> tiers = new ArrayList<>();
        // Praat's point tiers hold one point per moment; interval tiers cannot overlap.
        for (TierLayout.Tier tier : TierLayout.layout(codebook, events, (before, next) -> before.endMs() == null
                ? next.startMs() > before.startMs() : next.startMs() >= before.endMs())) {
            if (tier.code().kind() == CodeKind.POINT) {
                tiers.add(new TextGrid.TextTier(tier.name(), xmin, xmax, tier.events().stream()
                        .map(e -> new TextGrid.Point(Seconds.of(e.startMs()), e.note(), 0)).toList(), 0));
                continue;
            }
            List<TextGrid.Interval> intervals = new ArrayList<>();
            long at = 0;
            for (Event e : tier.events()) {
                if (e.startMs() > at) {
                    intervals.add(new TextGrid.Interval(Seconds.of(at), Seconds.of(e.startMs()), "", 0));
                }
                intervals.add(new TextGrid.Interval(Seconds.of(e.startMs()), Seconds.of(e.endMs()),
                        e.note().isBlank() ? tier.code().id() : e.note(), 0));
                at = e.endMs();
            }
            if (at < xmaxMs) {
                intervals.add(new TextGrid.Interval(Seconds.of(at), xmax, "", 0));
            }
            tiers.add(new TextGrid.IntervalTier(tier.name(), xmin, xmax, intervals, 0));
        }
        return new TextGrid(xmin, xmax, tiers);
    }

    /** Writes a TextGrid as Praat's long text format, line by line as Praat writes it. */
    public static void write(TextGrid grid, Writer out) throws IOException {
        Lines w = new Lines(out);
        w.line(0, "File type = \"ooTextFile\"");
        w.line(0, "Object class = \"TextGrid\"");
        w.line(0, "");
        w.line(0, "xmin = " + Seconds.plain(grid.xmin()) + " ");
        w.line(0, "xmax = " + Seconds.plain(grid.xmax()) + " ");
        if (grid.tiers().isEmpty()) {
            w.line(0, "tiers? <absent> ");
            return;
        }
        w.line(0, "tiers? <exists> ");
        w.line(0, "size = " + grid.tiers().size() + " ");
        w.line(0, "item []: ");
        for (int t = 0; t < grid.tiers().size(); t++) {
            TextGrid.Tier tier = grid.tiers().get(t);
            w.line(1, "item [" + (t + 1) + "]:");
            w.line(2, "class = \"" + (tier instanceof TextGrid.IntervalTier ? "IntervalTier" : "TextTier") + "\" ");
            w.line(2, "name = " + quote(tier.name()) + " ");
            w.line(2, "xmin = " + Seconds.plain(tier.xmin()) + " ");
            w.line(2, "xmax = " + Seconds.plain(tier.xmax()) + " ");
            if (tier instanceof TextGrid.IntervalTier intervals) {
                w.line(2, "intervals: size = " + intervals.intervals().size() + " ");
                for (int i = 0; i < intervals.intervals().size(); i++) {
                    TextGrid.Interval interval = intervals.intervals().get(i);
                    w.line(2, "intervals [" + (i + 1) + "]:");
                    w.line(3, "xmin = " + Seconds.plain(interval.xmin()) + " ");
                    w.line(3, "xmax = " + Seconds.plain(interval.xmax()) + " ");
                    w.line(3, "text = " + quote(interval.text()) + " ");
                }
            } else if (tier instanceof TextGrid.TextTier points) {
                w.line(2, "points: size = " + points.points().size() + " ");
                for (int i = 0; i < points.points().size(); i++) {
                    TextGrid.Point point = points.points().get(i);
                    w.line(2, "points [" + (i + 1) + "]:");
                    w.line(3, "number = " + Seconds.plain(point.time()) + " ");
                    w.line(3, "mark = " + quote(point.mark()) + " ");
                }
            }
        }
    }

    /** A Praat string: in double quotes, a double quote inside doubled. */
    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private record Lines(Writer out) {
        void line(int depth, String content) throws IOException {
            out.write("    ".repeat(depth));
            out.write(content);
            out.write('\n');
        }
    }
}

package org.earmark.io.praat;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Praat TextGrid: a time domain and tiers, times in seconds exactly as written. Lines (from 1) say
 * where a part was read from, for messages; 0 for a TextGrid that was not read from a file.
 */
public record TextGrid(BigDecimal xmin, BigDecimal xmax, List<Tier> tiers) {

    public TextGrid {
        tiers = List.copyOf(tiers);
    }

    /** An interval tier or a point ("text") tier. */
    public sealed interface Tier permits IntervalTier, TextTier {
        String name();

        BigDecimal xmin();

        BigDecimal xmax();

        int line();
    }

    /** Intervals that tile the tier's domain; an empty text marks a stretch with nothing in it. */
    public record IntervalTier(String name, BigDecimal xmin, BigDecimal xmax, List<Interval> intervals, int line)
            implements Tier {
        public IntervalTier {
            intervals = List.copyOf(intervals);
        }
    }

    public record Interval(BigDecimal xmin, BigDecimal xmax, String text, int line) {
    }

    /** A point tier: marks at moments, in time order. */
    public record TextTier(String name, BigDecimal xmin, BigDecimal xmax, List<Point> points, int line)
            implements Tier {
        public TextTier {
            points = List.copyOf(points);
        }
    }

    public record Point(BigDecimal time, String mark, int line) {
    }
}

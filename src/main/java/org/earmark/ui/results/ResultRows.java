package org.earmark.ui.results;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The rows of the Results tables, already formatted as shown; numbers a chart needs are kept beside. */
public final class ResultRows {

    private ResultRows() {
    }

    /** A statistic of the overall agreement. */
    public record Stat(String statistic, String value) {
    }

    /** One point code: matched with the same code, each coder's count, precision/recall/F1, counts ICC. */
    public record Code(String code, String label, String both, String first, String second, String precision,
            String recall, String f1, String countsIcc, OptionalDouble f1Value) {
    }

    /** One double-coded recording. */
    public record Recording(String recording, String coders, long pairs, long agreed, long unpaired, String percent,
            String kappa, String alpha) {
    }

    /** Agreement on a fidelity metric across the double-coded recordings. */
    public record Metric(String metric, String label, String icc, String alpha, int n) {
    }

    /** One recording's fidelity scores, in the order of the codebook's metrics. */
    public record Fidelity(String recording, String source, List<String> values) {
        public Fidelity {
            values = List.copyOf(values);
        }
    }

    /** A metric summarised in one allocation group (only after unblinding). */
    public record Summary(String column, String group, String metric, int n, String mean, String sd, String median,
            OptionalDouble meanValue) {
    }

    /** A choice of whose coding the fidelity table scores: {@code null} for the default. */
    public record Source(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Three decimals, or n/a where a statistic is undefined for the data. */
    public static String f(OptionalDouble d) {
        return d != null && d.isPresent() && Double.isFinite(d.getAsDouble())
                ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "n/a";
    }

    public static String f(Double d) {
        return d == null ? "n/a" : f(OptionalDouble.of(d));
    }
}

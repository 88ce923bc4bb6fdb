package org.earmark.codebook;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;
import static org.earmark.core.Preconditions.checkNotNull;

import java.util.List;

/** A declarative fidelity score computed per recording from one coder's events and ratings. */
public sealed interface FidelityMetric {

    String id();

    String label();

    /** Number of events of the selected codes. */
    record Count(String id, String label, CodeSelection of) implements FidelityMetric {
        public Count {
            checkNotBlank(id, "metric id");
            checkNotNull(of, "codes of metric " + id);
        }
    }

    /** Events of the selected codes per {@code perMinutes} minutes of recording. */
    record Rate(String id, String label, CodeSelection of, double perMinutes) implements FidelityMetric {
        public Rate {
            checkNotBlank(id, "metric id");
            checkNotNull(of, "codes of metric " + id);
            checkArgument(perMinutes > 0, "metric %s: per_minutes must be positive, was %s", id, perMinutes);
        }
    }

    /** Events of the numerator codes as a share (0..1) of events of the denominator codes. */
    record Share(String id, String label, CodeSelection numerator, CodeSelection denominator)
            implements FidelityMetric {
        public Share {
            checkNotBlank(id, "metric id");
            checkNotNull(numerator, "numerator of metric " + id);
            checkNotNull(denominator, "denominator of metric " + id);
        }
    }

    /** Mean of the given global ratings of the recording. */
    record RatingMean(String id, String label, List<String> ratings) implements FidelityMetric {
        public RatingMean {
            checkNotBlank(id, "metric id");
            ratings = List.copyOf(ratings);
            checkArgument(!ratings.isEmpty(), "metric %s: needs at least one rating", id);
        }
    }

    /** Total time covered by events of the selected span codes, in the given unit. */
    record Duration(String id, String label, CodeSelection of, TimeUnit unit) implements FidelityMetric {
        public Duration {
            checkNotBlank(id, "metric id");
            checkNotNull(of, "codes of metric " + id);
            checkNotNull(unit, "unit of metric " + id);
        }
    }

    /** Units a duration metric reports in. */
    enum TimeUnit {
        SECONDS(1_000), MINUTES(60_000);

        private final long millis;

        TimeUnit(long millis) {
            this.millis = millis;
        }

        public double fromMillis(long ms) {
            return ms / (double) millis;
        }
    }
}

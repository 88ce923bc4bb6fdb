package org.earmark.agreement.timeline;

import java.util.Comparator;
import org.earmark.core.Preconditions;

/**
 * One coded event on a recording's timeline, as the agreement code sees it: a point event has no end, a span
 * event ends at {@code endMs} (exclusive). The domain layer maps its own events to this.
 */
public record TimedEvent(String code, long startMs, Long endMs) {

    /** Time order, then code, so that input order never matters. */
    static final Comparator<TimedEvent> ORDER = TimedEvent::compareInOrder;

    private static int compareInOrder(TimedEvent x, TimedEvent y) {
        int c = Long.compare(x.startMs, y.startMs);
        if (c == 0) {
            c = x.code.compareTo(y.code);
        }
        if (c == 0) {
            c = Long.compare(x.endMs == null ? Long.MIN_VALUE : x.endMs, y.endMs == null ? Long.MIN_VALUE : y.endMs);
        }
        return c;
    }

    public TimedEvent {
        Preconditions.checkNotBlank(code, "code");
        Preconditions.checkArgument(startMs >= 0, "event start must be >= 0 ms, was %s", startMs);
        Preconditions.checkArgument(endMs == null || endMs >= startMs,
                "event end must not be before its start; %s starts at %s ms and ends at %s ms", code, startMs, endMs);
    }

    public static TimedEvent point(String code, long atMs) {
        return new TimedEvent(code, atMs, null);
    }

    public static TimedEvent span(String code, long startMs, long endMs) {
        return new TimedEvent(code, startMs, endMs);
    }

    public boolean isSpan() {
        return endMs != null;
    }
}

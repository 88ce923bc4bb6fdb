package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of matching two coders' events: both event lists in time order and the matched pairs as indices
 * into them, in increasing order on both sides. Events in no pair are paired with "no event".
 */
public record EventMatching(List<TimedEvent> eventsA, List<TimedEvent> eventsB, List<Pair> pairs) {

    /** Event {@code a} of coder A matched with event {@code b} of coder B. */
    public record Pair(int a, int b) {
    }

    public EventMatching {
        eventsA = List.copyOf(eventsA);
        eventsB = List.copyOf(eventsB);
        pairs = List.copyOf(pairs);
    }

    /** The same matching with the coders' roles swapped. */
    public EventMatching transposed() {
        List<Pair> swapped = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            swapped.add(new Pair(p.b(), p.a()));
        }
        return new EventMatching(eventsB, eventsA, swapped);
    }

    /** A's events paired with no event of B. */
    public List<TimedEvent> unmatchedA() {
        boolean[] used = new boolean[eventsA.size()];
        pairs.forEach(p -> used[p.a()] = true);
        return unused(eventsA, used);
    }

    /** B's events paired with no event of A. */
    public List<TimedEvent> unmatchedB() {
        boolean[] used = new boolean[eventsB.size()];
        pairs.forEach(p -> used[p.b()] = true);
        return unused(eventsB, used);
    }

    private static List<TimedEvent> unused(List<TimedEvent> events, boolean[] used) {
        List<TimedEvent> result = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                result.add(events.get(i));
            }
        }
        return result;
    }
}

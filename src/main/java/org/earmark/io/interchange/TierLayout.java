package org.earmark.io.interchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;

/**
 * One tier per code, in codebook order, named after the code. ELAN and Praat tiers cannot hold
 * events that overlap (nor Praat two points at one time), so such events of one code go on extra
 * tiers named {@code CODE (2)}, {@code CODE (3)}, … right after the code's tier; import maps those
 * names back to the code. Code ids cannot contain spaces or brackets, so the names never clash.
 */
public final class TierLayout {

    private static final Pattern EXTRA = Pattern.compile("(\\S+) \\(([2-9]|[1-9][0-9]+)\\)");
    private static final Comparator<Event> TIME_ORDER = Comparator.comparingLong(Event::startMs)
            .thenComparing(e -> e.endMs() == null ? e.startMs() : e.endMs())
            .thenComparing(Event::note)
            .thenComparing(e -> e.id().toString());

    /** A tier as written: its name, the code it holds and that code's events on it, in time order. */
    public record Tier(String name, EventCode code, List<Event> events) {
        public Tier {
            events = List.copyOf(events);
        }
    }

    private TierLayout() {
    }

    /**
     * Lays out a recording's events on tiers; every code gets a tier, even without events.
     *
     * @param fitsAfter whether an event may follow another one (earlier or at the same start) on one tier
     */
    public static List<Tier> layout(Codebook codebook, List<Event> events, BiPredicate<Event, Event> fitsAfter) {
        Map<String, List<Event>> byCode = new LinkedHashMap<>();
        codebook.codes().forEach(c -> byCode.put(c.id(), new ArrayList<>()));
        for (Event e : events) {
            List<Event> ofCode = byCode.get(e.code());
            if (ofCode == null) {
                throw EarmarkException.badInput("Event " + e.id() + " at " + Seconds.display(e.startMs())
                        + " has the code \"" + e.code() + "\", which codebook " + codebook.id() + " does not have");
            }
            ofCode.add(e);
        }
        List<Tier> tiers = new ArrayList<>();
        for (EventCode code : codebook.codes()) {
            List<List<Event>> lanes = new ArrayList<>();
            lanes.add(new ArrayList<>());
            byCode.get(code.id()).stream().sorted(TIME_ORDER).forEach(e -> {
                for (List<Event> lane : lanes) {
                    if (lane.isEmpty() || fitsAfter.test(lane.get(lane.size() - 1), e)) {
                        lane.add(e);
                        return;
                    }
                }
                lanes.add(new ArrayList<>(List.of(e)));
            });
            for (int i = 0; i < lanes.size(); i++) {
                tiers.add(new Tier(i == 0 ? code.id() : code.id() + " (" + (i + 1) + ")", code, lanes.get(i)));
            }
        }
        return tiers;
    }

    /** The code a tier holds: the tier named after it, or one of its extra tiers {@code CODE (n)}. */
    public static Optional<EventCode> codeOf(String tierName, Codebook codebook) {
        Optional<EventCode> exact = codebook.code(tierName);
        if (exact.isPresent()) {
            return exact;
        }
        Matcher extra = EXTRA.matcher(tierName);
        return extra.matches() ? codebook.code(extra.group(1)) : Optional.empty();
    }
}

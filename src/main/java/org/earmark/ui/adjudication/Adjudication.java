package org.earmark.ui.adjudication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.earmark.agreement.timeline.EventMatcher;
import org.earmark.agreement.timeline.EventMatching;
import org.earmark.agreement.timeline.TimedEvent;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.RatingScale;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/**
 * Two coders' work on one recording, split into what they agree on and the disagreements the
 * lead settles, and the consensus that results. Point events are matched by the statistics
 * engine's {@link EventMatcher} (one-to-one, order-preserving, within the tolerance); a matched pair
 * with the same code is agreed and taken as coder A has it. Span events of the same code are
 * paired by overlap (largest first, one-to-one); a pair whose start and end both lie within the
 * tolerance is agreed, otherwise its times differ. Everything else — an event only one coder has,
 * a pair with different codes or times, a global rating the coders gave differently — is a
 * disagreement. Plain Java, so it is tested without JavaFX.
 */
public final class Adjudication {

    /** What kind of disagreement an item is. */
    public enum Kind { ONLY_A, ONLY_B, DIFFERENT_CODE, DIFFERENT_TIMES, RATING }

    /** The lead's decision on an item. */
    public enum Choice { OPEN, A, B, EDITED }

    /**
     * One disagreement: two events (either may be {@code null}), or a rating scale with each
     * coder's value (either may be {@code null}).
     */
    public record Item(Kind kind, Event a, Event b, String scale, Integer ratingA, Integer ratingB) {

        /** Where on the timeline it is: the earlier start of its events; ratings have no place ({@code -1}). */
        public long atMs() {
            if (kind == Kind.RATING) {
                return -1;
            }
            return Math.min(a == null ? Long.MAX_VALUE : a.startMs(), b == null ? Long.MAX_VALUE : b.startMs());
        }

        /** Where it ends on the timeline: the later end (or start, for points) of its events. */
        public long endMs() {
            if (kind == Kind.RATING) {
                return -1;
            }
            return Math.max(end(a), end(b));
        }

        /**
         * Where the part to look at and listen to ends: the later start of its events (a span's
         * start is where coders differ first), or for point events the later moment.
         */
        public long focusEndMs() {
            if (kind == Kind.RATING) {
                return -1;
            }
            return Math.max(a == null ? -1 : a.startMs(), b == null ? -1 : b.startMs());
        }

        private static long end(Event e) {
            return e == null ? -1 : e.endMs() == null ? e.startMs() : e.endMs();
        }
    }

    /**
     * A decision: {@code EDITED} carries the lead's own event (or {@code null} for no event) or,
     * for a rating, the lead's own value (or {@code null} for no rating).
     */
    public record Resolution(Choice choice, NewEvent event, Integer rating) {
        static final Resolution OPEN = new Resolution(Choice.OPEN, null, null);
    }

    private final String recordingId;
    private final String coderA;
    private final String coderB;
    private final long toleranceMs;
    private final List<Event> agreed;
    private final List<Event> agreedByB;
    private final Map<String, Integer> agreedRatings;
    private final List<Item> items;
    private final Resolution[] resolutions;

    private Adjudication(String recordingId, String coderA, String coderB, long toleranceMs, List<Event> agreed,
            List<Event> agreedByB, Map<String, Integer> agreedRatings, List<Item> items) {
        this.recordingId = recordingId;
        this.coderA = coderA;
        this.coderB = coderB;
        this.toleranceMs = toleranceMs;
        this.agreed = List.copyOf(agreed);
        this.agreedByB = List.copyOf(agreedByB);
        this.agreedRatings = Map.copyOf(agreedRatings);
        this.items = List.copyOf(items);
        this.resolutions = new Resolution[items.size()];
        Arrays.fill(resolutions, Resolution.OPEN);
    }

    /** Compares coder A's and coder B's live events and ratings on one recording. */
    public static Adjudication of(Codebook codebook, String recordingId, String coderA, List<Event> eventsA,
            Map<String, Integer> ratingsA, String coderB, List<Event> eventsB, Map<String, Integer> ratingsB,
            long toleranceMs) {
        Objects.requireNonNull(codebook, "codebook");
        List<Event> agreed = new ArrayList<>();
        List<Event> agreedByB = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<Event> pointsA = kind(eventsA, false);
        List<Event> pointsB = kind(eventsB, false);
        EventMatching m = EventMatcher.match(timed(pointsA), timed(pointsB), toleranceMs);
        boolean[] usedA = new boolean[pointsA.size()];
        boolean[] usedB = new boolean[pointsB.size()];
        for (EventMatching.Pair p : m.pairs()) {
            usedA[p.a()] = true;
            usedB[p.b()] = true;
            Event ea = pointsA.get(p.a());
            Event eb = pointsB.get(p.b());
            if (ea.code().equals(eb.code())) {
                agreed.add(ea);
                agreedByB.add(eb);
            } else {
                items.add(new Item(Kind.DIFFERENT_CODE, ea, eb, null, null, null));
            }
        }
        unpaired(pointsA, usedA, pointsB, usedB, items);
        List<Event> spansA = kind(eventsA, true);
        List<Event> spansB = kind(eventsB, true);
        boolean[] spanUsedA = new boolean[spansA.size()];
        boolean[] spanUsedB = new boolean[spansB.size()];
        List<long[]> overlaps = new ArrayList<>(); // {overlap, i, j}
        for (int i = 0; i < spansA.size(); i++) {
            for (int j = 0; j < spansB.size(); j++) {
                Event x = spansA.get(i);
                Event y = spansB.get(j);
                long overlap = Math.min(x.endMs(), y.endMs()) - Math.max(x.startMs(), y.startMs());
                if (x.code().equals(y.code()) && overlap > 0) {
                    overlaps.add(new long[] {overlap, i, j});
                }
            }
        }
        overlaps.sort(Comparator.<long[]>comparingLong(o -> -o[0]).thenComparingLong(o -> o[1])
                .thenComparingLong(o -> o[2]));
        for (long[] o : overlaps) {
            int i = (int) o[1];
            int j = (int) o[2];
            if (spanUsedA[i] || spanUsedB[j]) {
                continue;
            }
            spanUsedA[i] = true;
            spanUsedB[j] = true;
            Event x = spansA.get(i);
            Event y = spansB.get(j);
            if (Math.abs(x.startMs() - y.startMs()) <= toleranceMs && Math.abs(x.endMs() - y.endMs()) <= toleranceMs) {
                agreed.add(x);
                agreedByB.add(y);
            } else {
                items.add(new Item(Kind.DIFFERENT_TIMES, x, y, null, null, null));
            }
        }
        unpaired(spansA, spanUsedA, spansB, spanUsedB, items);
        items.sort(Comparator.comparingLong(Item::atMs).thenComparingLong(Item::endMs));
        Map<String, Integer> agreedRatings = new LinkedHashMap<>();
        for (RatingScale scale : codebook.ratings()) {
            Integer ra = ratingsA.get(scale.id());
            Integer rb = ratingsB.get(scale.id());
            if (ra == null && rb == null) {
                continue;
            }
            if (Objects.equals(ra, rb)) {
                agreedRatings.put(scale.id(), ra);
            } else {
                items.add(new Item(Kind.RATING, null, null, scale.id(), ra, rb));
            }
        }
        agreed.sort(ORDER);
        agreedByB.sort(ORDER);
        return new Adjudication(recordingId, coderA, coderB, toleranceMs, agreed, agreedByB, agreedRatings, items);
    }

    private static void unpaired(List<Event> a, boolean[] usedA, List<Event> b, boolean[] usedB, List<Item> items) {
        for (int i = 0; i < a.size(); i++) {
            if (!usedA[i]) {
                items.add(new Item(Kind.ONLY_A, a.get(i), null, null, null, null));
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                items.add(new Item(Kind.ONLY_B, null, b.get(j), null, null, null));
            }
        }
    }

    /** The order the matcher puts events in (time, then code, then end), so its indices are ours. */
    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::startMs).thenComparing(Event::code)
            .thenComparingLong(e -> e.endMs() == null ? Long.MIN_VALUE : e.endMs());

    private static List<Event> kind(List<Event> events, boolean spans) {
        return events.stream().filter(e -> !e.deleted() && (e.endMs() != null) == spans).sorted(ORDER).toList();
    }

    private static List<TimedEvent> timed(List<Event> events) {
        return events.stream().map(e -> new TimedEvent(e.code(), e.startMs(), e.endMs())).toList();
    }

    public String recordingId() {
        return recordingId;
    }

    public String coderA() {
        return coderA;
    }

    public String coderB() {
        return coderB;
    }

    public long toleranceMs() {
        return toleranceMs;
    }

    /** The events both coders agree on, as coder A has them. */
    public List<Event> agreed() {
        return agreed;
    }

    /** The same agreed events as coder B has them (times may differ within the tolerance). */
    public List<Event> agreedByB() {
        return agreedByB;
    }

    public Map<String, Integer> agreedRatings() {
        return agreedRatings;
    }

    public List<Item> items() {
        return items;
    }

    public Resolution resolution(int item) {
        return resolutions[item];
    }

    /** Takes coder A's or coder B's side (which may be "no event" or "no rating"), or reopens the item. */
    public void choose(int item, Choice choice) {
        if (choice == Choice.EDITED) {
            throw new IllegalArgumentException("an edit needs its event or rating: use edit()");
        }
        resolutions[item] = choice == Choice.OPEN ? Resolution.OPEN : new Resolution(choice, null, null);
    }

    /** The lead's own event for an event item, {@code null} meaning that there is no event. */
    public void edit(int item, NewEvent event) {
        if (items.get(item).kind() == Kind.RATING) {
            throw new IllegalArgumentException("item " + item + " is a rating; use editRating()");
        }
        if (event != null && !event.recordingId().equals(recordingId)) {
            throw new IllegalArgumentException("the edited event is on " + event.recordingId() + ", not " + recordingId);
        }
        resolutions[item] = new Resolution(Choice.EDITED, event, null);
    }

    /** The lead's own value for a rating item, {@code null} meaning no rating. */
    public void editRating(int item, Integer value) {
        if (items.get(item).kind() != Kind.RATING) {
            throw new IllegalArgumentException("item " + item + " is not a rating; use edit()");
        }
        resolutions[item] = new Resolution(Choice.EDITED, null, value);
    }

    /** How many items have been decided. */
    public int settled() {
        return (int) Arrays.stream(resolutions).filter(r -> r.choice() != Choice.OPEN).count();
    }

    public boolean isComplete() {
        return settled() == items.size();
    }

    /** The next item still open after {@code from}, going round to the start; empty when all are decided. */
    public java.util.OptionalInt nextOpen(int from) {
        for (int k = 1; k <= items.size(); k++) {
            int j = Math.floorMod(from + k, items.size());
            if (resolutions[j].choice() == Choice.OPEN) {
                return java.util.OptionalInt.of(j);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** What an item's decision puts into the consensus: no, one event; for ratings, see {@link #consensusRatings()}. */
    public NewEvent decidedEvent(int item) {
        Item it = items.get(item);
        Resolution r = resolutions[item];
        return switch (r.choice()) {
            case OPEN -> null;
            case A -> it.a() == null ? null : toNew(it.a());
            case B -> it.b() == null ? null : toNew(it.b());
            case EDITED -> r.event();
        };
    }

    /** The consensus so far: agreed events and the decided items' events, in time order. */
    public List<NewEvent> consensusEvents() {
        List<NewEvent> out = new ArrayList<>();
        agreed.forEach(e -> out.add(toNew(e)));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).kind() != Kind.RATING) {
                NewEvent e = decidedEvent(i);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparingLong(NewEvent::startMs).thenComparing(NewEvent::code));
        return out;
    }

    /** The consensus ratings: agreed ones and decided rating items (a decision for "no rating" leaves the scale out). */
    public Map<String, Integer> consensusRatings() {
        Map<String, Integer> out = new LinkedHashMap<>(agreedRatings);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.kind() != Kind.RATING) {
                continue;
            }
            Resolution r = resolutions[i];
            Integer value = switch (r.choice()) {
                case OPEN -> null;
                case A -> it.ratingA();
                case B -> it.ratingB();
                case EDITED -> r.rating();
            };
            if (value != null) {
                out.put(it.scale(), value);
            }
        }
        return out;
    }

    /** For the audit log: who was compared, how, and how the disagreements were settled. */
    public String note() {
        long a = Arrays.stream(resolutions).filter(r -> r.choice() == Choice.A).count();
        long b = Arrays.stream(resolutions).filter(r -> r.choice() == Choice.B).count();
        long edited = Arrays.stream(resolutions).filter(r -> r.choice() == Choice.EDITED).count();
        return String.format(Locale.ROOT, "adjudicated from coders %s (A) and %s (B), tolerance %.1f s: %d events"
                + " agreed, %d disagreements settled (%d as A, %d as B, %d edited)", coderA, coderB,
                toleranceMs / 1000.0, agreed.size(), items.size(), a, b, edited);
    }

    static NewEvent toNew(Event e) {
        return new NewEvent(e.recordingId(), e.code(), e.startMs(), e.endMs(), e.note());
    }
}

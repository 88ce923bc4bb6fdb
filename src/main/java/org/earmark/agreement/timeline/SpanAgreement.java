package org.earmark.agreement.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.earmark.agreement.coefficient.CohenKappa;
import org.earmark.agreement.coefficient.KappaWeights;
import org.earmark.core.Preconditions;

/**
 * Agreement on span codes of two or more coders on one recording.
 * <ul>
 * <li><b>Time-sliced:</b> the recording is cut into slices (default 1 s; the last may be shorter); a code is
 * active for a coder in a slice when one of the coder's spans of that code covers the slice's midpoint
 * (start ≤ midpoint &lt; end). Per code and pair of coders: percent agreement and Cohen's kappa over the
 * 2 × 2 table of active/inactive slices.</li>
 * <li><b>Unitizing alpha:</b> Krippendorff's alpha for unitizing a continuum, per code (Krippendorff 1995, "On
 * the reliability of unitizing continuous data", Sociological Methodology 25:47-76; Krippendorff 2004,
 * "Content Analysis", 2nd ed., sect. 11.6), computed in milliseconds by DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement, with all coders. A coder's overlapping spans of one code
 * are merged first and zero-length spans dropped, since the measure assumes a coder's units of one category
 * do not overlap.</li>
 * </ul>
 */
public final class SpanAgreement {

    /** The default slice: 1 s. */
    public static final long DEFAULT_SLICE_MS = 1_000;

    /**
     * Slice agreement of one code between two coders: their 2 × 2 table of slices where the code is active for
     * neither, only the first, only the second, or both.
     */
    public record SliceScores(String code, String coderA, String coderB, long neither, long firstOnly,
            long secondOnly, long both) {

        /**
         * The tables of several pairs or recordings summed into one, so that percent agreement and kappa are
         * pooled over every compared slice (as point codes' confusion tables are), not averaged over tables.
         */
        public static SliceScores pooled(String code, List<SliceScores> tables) {
            long[] sum = new long[4];
            for (SliceScores t : tables) {
                Preconditions.checkArgument(t.code().equals(code), "slice table of code %s pooled with code %s",
                        t.code(), code);
                sum[0] += t.neither();
                sum[1] += t.firstOnly();
                sum[2] += t.secondOnly();
                sum[3] += t.both();
            }
            return new SliceScores(code, "all", "all", sum[0], sum[1], sum[2], sum[3]);
        }

        /** Slices compared. */
        public long slices() {
            return neither + firstOnly + secondOnly + both;
        }

        /** Share of slices where the two coders agree (both active or both inactive); empty without slices. */
        public OptionalDouble percentAgreement() {
            long n = slices();
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (neither + both) / n);
        }

        /** Cohen's (1960) kappa of the 2 × 2 table; empty where undefined (p_e = 1). */
        public OptionalDouble kappa() {
            return slices() == 0 ? OptionalDouble.empty()
                    : CohenKappa.fromTable(new long[][] {{neither, secondOnly}, {firstOnly, both}},
                            KappaWeights.UNWEIGHTED);
        }
    }

    private final Map<String, List<SliceScores>> slicesByCode;
    private final Map<String, OptionalDouble> unitizingAlphaByCode;

    private SpanAgreement(Map<String, List<SliceScores>> slicesByCode, Map<String, OptionalDouble> alphaByCode) {
        this.slicesByCode = slicesByCode;
        this.unitizingAlphaByCode = alphaByCode;
    }

    /**
     * Compares the coders' span events over {@code [0, lengthMs)}; spans reaching past the end are cut there.
     * Point events are not allowed here.
     */
    public static SpanAgreement compute(Map<String, List<TimedEvent>> spansByCoder, long lengthMs, long sliceMs) {
        Preconditions.checkArgument(spansByCoder.size() >= 2, "need at least two coders, got %s",
                spansByCoder.keySet());
        Preconditions.checkArgument(lengthMs > 0, "recording length must be > 0 ms, was %s", lengthMs);
        Preconditions.checkArgument(sliceMs > 0, "slice must be > 0 ms, was %s", sliceMs);
        TreeMap<String, List<TimedEvent>> byCoder = new TreeMap<>(spansByCoder);
        List<String> coders = new ArrayList<>(byCoder.keySet());
        TreeSet<String> codes = new TreeSet<>();
        for (Map.Entry<String, List<TimedEvent>> e : byCoder.entrySet()) {
            for (TimedEvent span : e.getValue()) {
                Preconditions.checkArgument(span.isSpan(), "coder %s: %s at %s ms is a point event, not a span",
                        e.getKey(), span.code(), span.startMs());
                codes.add(span.code());
            }
        }
        Map<String, List<SliceScores>> slices = new LinkedHashMap<>();
        Map<String, OptionalDouble> alphas = new LinkedHashMap<>();
        for (String code : codes) {
            List<List<long[]>> merged = new ArrayList<>();
            for (String coder : coders) {
                merged.add(merge(byCoder.get(coder), code, lengthMs));
            }
            slices.put(code, sliced(code, coders, merged, lengthMs, sliceMs));
            alphas.put(code, unitizingAlpha(code, merged, lengthMs));
        }
        return new SpanAgreement(slices, alphas);
    }

    /** Per code (text order), one entry per pair of coders (first id &lt; second id). */
    public Map<String, List<SliceScores>> sliceScores() {
        return java.util.Collections.unmodifiableMap(slicesByCode);
    }

    /** Per code (text order), Krippendorff's unitizing alpha across all coders; empty when undefined. */
    public Map<String, OptionalDouble> unitizingAlpha() {
        return java.util.Collections.unmodifiableMap(unitizingAlphaByCode);
    }

    /** The coder's spans of {@code code} as sorted, disjoint [start, end) intervals within the recording. */
    private static List<long[]> merge(List<TimedEvent> spans, String code, long lengthMs) {
        List<long[]> intervals = new ArrayList<>();
        for (TimedEvent s : spans) {
            long end = Math.min(s.endMs(), lengthMs);
            if (s.code().equals(code) && end > s.startMs()) {
                intervals.add(new long[] {s.startMs(), end});
            }
        }
        intervals.sort(Comparator.comparingLong(i -> i[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] i : intervals) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && i[0] < last[1]) { // overlapping; touching units stay distinct units
                last[1] = Math.max(last[1], i[1]);
            } else {
                merged.add(i.clone());
            }
        }
        return merged;
    }

    private static List<SliceScores> sliced(String code, List<String> coders, List<List<long[]>> merged,
            long lengthMs, long sliceMs) {
        int slices = Math.toIntExact((lengthMs + sliceMs - 1) / sliceMs);
        List<boolean[]> active = new ArrayList<>();
        for (List<long[]> intervals : merged) {
            boolean[] on = new boolean[slices];
            for (long[] iv : intervals) {
                for (int k = (int) Math.max(0, iv[0] / sliceMs - 1); k < slices && (long) k * sliceMs < iv[1]; k++) {
                    long twiceMid = 2L * k * sliceMs + (Math.min((k + 1L) * sliceMs, lengthMs) - (long) k * sliceMs);
                    if (2 * iv[0] <= twiceMid && twiceMid < 2 * iv[1]) {
                        on[k] = true;
                    }
                }
            }
            active.add(on);
        }
        List<SliceScores> result = new ArrayList<>();
        for (int x = 0; x < coders.size(); x++) {
            for (int y = x + 1; y < coders.size(); y++) {
                long[][] t = new long[2][2];
                for (int k = 0; k < slices; k++) {
                    t[active.get(x)[k] ? 1 : 0][active.get(y)[k] ? 1 : 0]++;
                }
                result.add(new SliceScores(code, coders.get(x), coders.get(y), t[0][0], t[1][0], t[0][1], t[1][1]));
            }
        }
        return result;
    }

    private static OptionalDouble unitizingAlpha(String code, List<List<long[]>> merged, long lengthMs) {
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(merged.size(), 0, lengthMs);
        boolean any = false;
        for (int r = 0; r < merged.size(); r++) {
            for (long[] iv : merged.get(r)) {
                study.addUnit(iv[0], iv[1] - iv[0], r, code);
                any = true;
            }
        }
        if (!any) {
            return OptionalDouble.empty();
        }
        UnitizingAlpha alpha = new UnitizingAlpha(study);
        double expected = alpha.expected(code);
        if (!(expected > 0) || !Double.isFinite(expected)) {
            return OptionalDouble.empty(); // DKPro would report 0.0 here; the coefficient is undefined
        }
        return OptionalDouble.of(1.0 - alpha.observed(code) / expected);
    }

    /** Opens DKPro's per-category disagreements, so that an undefined alpha can be told from a zero one. */
    private static final class UnitizingAlpha extends KrippendorffAlphaUnitizingAgreement {
        UnitizingAlpha(UnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(String code) {
            return calculateObservedCategoryDisagreement(code);
        }

        double expected(String code) {
            return calculateExpectedCategoryDisagreement(code);
        }
    }
}

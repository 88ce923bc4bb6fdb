package org.earmark.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.earmark.agreement.coefficient.GwetAc1;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.timeline.CodeScores;
import org.earmark.agreement.timeline.ConfusionTable;
import org.earmark.agreement.timeline.MultiCoderAgreement;
import org.earmark.agreement.timeline.PairwiseAgreement;
import org.earmark.agreement.timeline.ScoreAgreement;
import org.earmark.agreement.timeline.SpanAgreement;
import org.earmark.agreement.timeline.StudyAgreement;
import org.earmark.agreement.timeline.TimedEvent;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.EventCode;
import org.earmark.codebook.FidelityMetric;
import org.earmark.model.Event;

/**
 * Inter-rater agreement of a study's double-coded recordings: point events matched on the
 * timeline (overall, per code, per recording), span codes by 1-second slices and unitizing alpha,
 * and per-recording counts and fidelity metrics by ICC and interval alpha.
 */
public record AgreementReport(double toleranceS, List<String> recordings, List<String> coders, Overall overall,
        Map<String, CodeAgreement> perCode, List<RecordingAgreement> perRecording,
        Map<String, ScoreAgreement> metrics, Map<String, SpanCodeAgreement> spans, Waiting waiting) {

    /**
     * What the report leaves out or takes as it stands while coding is under way.
     *
     * @param recordings recordings assigned to two or more coders of which fewer than two have coded them so far
     *                   (left out: a missing coding is not a coding with no events)
     * @param notDone    compared recordings on which some coder has not marked the recording done yet
     */
    public record Waiting(List<String> recordings, List<String> notDone) {
        public Waiting {
            recordings = List.copyOf(recordings);
            notDone = List.copyOf(notDone);
        }
    }

    /** Summed over every pair of coders on every compared recording. */
    public record Overall(long pairs, long agreed, long unpaired, OptionalDouble percentAgreement,
            OptionalDouble cohenKappa, OptionalDouble gwetAc1, OptionalDouble krippendorffAlpha) {
    }

    /** One code: precision/recall/F1 (first coder of each pair as reference) and agreement on counts. */
    public record CodeAgreement(CodeScores scores, ScoreAgreement counts) {
    }

    /** One recording: its coders and their agreement. */
    public record RecordingAgreement(String recording, List<String> coders, long pairs, long agreed, long unpaired,
            OptionalDouble percentAgreement, OptionalDouble cohenKappa, OptionalDouble krippendorffAlpha) {
    }

    /**
     * One span code over {@code recordings} compared recordings. Percent agreement and Cohen's kappa are pooled:
     * computed from the 2 × 2 slice tables of every coder pair on every recording summed into one, as point
     * codes' confusion tables are, over {@code slices} compared slices (slices × coder pairs). Unitizing alpha
     * is not pooled: it is the unweighted mean of the per-recording alphas of the {@code alphaRecordings}
     * recordings where it is defined (each recording is its own continuum).
     */
    public record SpanCodeAgreement(String code, int recordings, long slices, OptionalDouble percentAgreement,
            OptionalDouble cohenKappa, int alphaRecordings, OptionalDouble meanUnitizingAlpha) {
    }

    public static AgreementReport compute(StudyData data, double toleranceS) {
        long toleranceMs = Math.round(toleranceS * 1000);
        Map<String, CodeKind> kinds = kinds(data);
        List<String> compared = data.doubleCoded();
        List<StudyAgreement.RecordingEvents> pointEvents = new ArrayList<>();
        java.util.TreeSet<String> coders = new java.util.TreeSet<>();
        for (String r : compared) {
            Map<String, List<TimedEvent>> byCoder = new TreeMap<>();
            for (String coder : data.codedBy(r)) {
                coders.add(coder);
                byCoder.put(coder, timed(data, kinds, r, coder, CodeKind.POINT));
            }
            pointEvents.add(new StudyAgreement.RecordingEvents(r, byCoder));
        }
        StudyAgreement.Report study = StudyAgreement.compute(pointEvents, toleranceMs);

        List<ConfusionTable> pooledTables = study.pooledPairs().stream().map(PairwiseAgreement::table).toList();
        PairwiseAgreement all = pooledTables.isEmpty() ? null
                : PairwiseAgreement.of("all", "all", ConfusionTable.sum(pooledTables));
        long[] totals = all == null ? new long[3] : counts(all.table());
        Overall overall = new Overall(totals[0], totals[1], totals[2],
                all == null ? OptionalDouble.empty() : all.percentAgreement(),
                all == null ? OptionalDouble.empty() : all.kappa(), ac1(study), study.alpha());

        Map<String, CodeAgreement> perCode = new LinkedHashMap<>();
        for (EventCode code : data.codebook().codes()) {
            if (code.kind() != CodeKind.POINT) {
                continue;
            }
            CodeScores scores = all == null ? null : all.perCode().get(code.id());
            ScoreAgreement counts = study.countAgreement().get(code.id());
            if (scores != null || counts != null) {
                perCode.put(code.id(), new CodeAgreement(scores, counts));
            }
        }

        // Each recording's alpha goes over its units again: in parallel, as the matching was.
        List<RecordingAgreement> perRecording = study.perRecording().entrySet().parallelStream().map(e -> {
            MultiCoderAgreement m = e.getValue();
            PairwiseAgreement sum = PairwiseAgreement.of("all", "all",
                    ConfusionTable.sum(m.pairs().stream().map(PairwiseAgreement::table).toList()));
            long[] c = counts(sum.table());
            return new RecordingAgreement(e.getKey(), m.coders(), c[0], c[1], c[2], sum.percentAgreement(),
                    sum.kappa(), m.alpha());
        }).toList();
        Waiting waiting = new Waiting(data.awaitingSecondCoding(),
                compared.stream().filter(r -> !data.notDoneBy(r).isEmpty()).toList());
        return new AgreementReport(toleranceS, compared, List.copyOf(coders), overall, perCode, perRecording,
                metricAgreement(data, compared), spanAgreement(data, compared), waiting);
    }

    /** Pairs, agreed pairs and unpaired events of a confusion table. */
    private static long[] counts(ConfusionTable table) {
        long[][] n = table.counts();
        int none = table.codes().size();
        long pairs = 0;
        long agreed = 0;
        long unpaired = 0;
        for (int i = 0; i <= none; i++) {
            for (int j = 0; j <= none; j++) {
                if (i < none && j < none) {
                    pairs += n[i][j];
                    agreed += i == j ? n[i][j] : 0;
                } else if (i != j) {
                    unpaired += n[i][j];
                }
            }
        }
        return new long[] {pairs, agreed, unpaired};
    }

    /** Gwet's AC1 over the matched units of all recordings, "no event" a category (Gwet 2008, multi-rater form). */
    private static OptionalDouble ac1(StudyAgreement.Report study) {
        Map<String, Integer> categories = new java.util.HashMap<>();
        List<int[]> values = new ArrayList<>();
        for (MultiCoderAgreement m : study.perRecording().values()) {
            for (String[] unit : m.units()) {
                int[] row = new int[unit.length];
                for (int c = 0; c < unit.length; c++) {
                    String value = unit[c] == null ? ConfusionTable.NO_EVENT : unit[c];
                    row[c] = categories.computeIfAbsent(value, k -> categories.size());
                }
                values.add(row);
            }
        }
        return values.size() < 2 ? OptionalDouble.empty()
                : GwetAc1.compute(values.toArray(int[][]::new), categories.size());
    }

    private static Map<String, ScoreAgreement> metricAgreement(StudyData data, List<String> compared) {
        Map<String, Map<String, Map<String, Double>>> valuesByMetric = new LinkedHashMap<>();
        for (FidelityMetric metric : data.codebook().metrics()) {
            valuesByMetric.put(metric.id(), new TreeMap<>());
        }
        for (String r : compared) {
            for (String coder : data.codedBy(r)) {
                Map<String, Double> scores = org.earmark.fidelity.FidelityScores.evaluate(data.codebook(),
                        data.recordings().get(r).durationMs(), data.events(r, coder), data.ratings(r, coder));
                scores.forEach((metric, value) -> valuesByMetric.get(metric)
                        .computeIfAbsent(r, k -> new TreeMap<>()).put(coder, value));
            }
        }
        Map<String, ScoreAgreement> out = new LinkedHashMap<>();
        valuesByMetric.forEach((metric, values) -> {
            if (!values.isEmpty()) {
                out.put(metric, ScoreAgreement.of(values));
            }
        });
        return out;
    }

    private static Map<String, CodeKind> kinds(StudyData data) {
        Map<String, CodeKind> kinds = new java.util.HashMap<>();
        data.codebook().codes().forEach(c -> kinds.put(c.id(), c.kind()));
        return kinds;
    }

    private static Map<String, SpanCodeAgreement> spanAgreement(StudyData data, List<String> compared) {
        Map<String, CodeKind> kinds = kinds(data);
        if (!kinds.containsValue(CodeKind.SPAN)) {
            return new LinkedHashMap<>(); // no span code: every recording would be skipped below, event by event
        }
        Map<String, List<SpanAgreement.SliceScores>> slices = new TreeMap<>();
        Map<String, java.util.Set<String>> recordingsByCode = new TreeMap<>();
        Map<String, List<Double>> alphas = new TreeMap<>();
        for (String r : compared) {
            long length = data.recordings().get(r).durationMs();
            Map<String, List<TimedEvent>> byCoder = new TreeMap<>();
            for (String coder : data.codedBy(r)) {
                byCoder.put(coder, timed(data, kinds, r, coder, CodeKind.SPAN));
            }
            if (length <= 0 || byCoder.values().stream().allMatch(List::isEmpty)) {
                continue;
            }
            SpanAgreement spans = SpanAgreement.compute(byCoder, length, SpanAgreement.DEFAULT_SLICE_MS);
            spans.sliceScores().forEach((code, list) -> {
                slices.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list);
                recordingsByCode.computeIfAbsent(code, k -> new java.util.TreeSet<>()).add(r);
            });
            spans.unitizingAlpha().forEach((code, a) -> a.ifPresent(v -> alphas.computeIfAbsent(code,
                    k -> new ArrayList<>()).add(v)));
        }
        Map<String, SpanCodeAgreement> out = new LinkedHashMap<>();
        slices.forEach((code, list) -> {
            SpanAgreement.SliceScores pooled = SpanAgreement.SliceScores.pooled(code, list);
            List<Double> codeAlphas = alphas.getOrDefault(code, List.of());
            out.put(code, new SpanCodeAgreement(code, recordingsByCode.get(code).size(), pooled.slices(),
                    pooled.percentAgreement(), pooled.kappa(), codeAlphas.size(),
                    codeAlphas.stream().mapToDouble(Double::doubleValue).average()));
        });
        return out;
    }

    private static List<TimedEvent> timed(StudyData data, Map<String, CodeKind> kinds, String recording, String coder,
            CodeKind kind) {
        List<TimedEvent> out = new ArrayList<>();
        for (Event e : data.events(recording, coder)) {
            if (kinds.get(e.code()) != kind) {
                continue;
            }
            out.add(kind == CodeKind.POINT ? TimedEvent.point(e.code(), e.startMs())
                    : TimedEvent.span(e.code(), e.startMs(), e.endMs()));
        }
        return out;
    }

    /** The ICC forms a report shows, in order. */
    public static Optional<Map<IccForm, IccEstimate>> icc(ScoreAgreement s) {
        return s == null ? Optional.empty() : s.icc();
    }
}

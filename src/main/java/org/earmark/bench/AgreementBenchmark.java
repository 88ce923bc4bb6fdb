package org.earmark.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.earmark.agreement.timeline.EventMatcher;
import org.earmark.agreement.timeline.StudyAgreement;
import org.earmark.agreement.timeline.StudyAgreement.RecordingEvents;
import org.earmark.agreement.timeline.TimedEvent;

/**
 * Times the full event agreement report of a trial-sized study (500 recordings × 3 coders × 300 events):
 * pairwise matching per recording, per-code scores, pooled tables, alpha over matched units and the ICC of
 * per-recording counts of each code. Not a test: run {@code main}, or call {@link #run(int)}.
 */
public final class AgreementBenchmark {

    /** Measured seconds: the first (cold) run, and the fastest of the warm runs. */
    public record Figures(int recordings, int coders, int eventsPerCoder, double coldSeconds, double warmSeconds,
            double alpha) {
    }

    private AgreementBenchmark() {
    }

    public static void main(String[] args) {
        Figures f = run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        System.out.printf(Locale.ROOT, "%d recordings x %d coders x %d events: cold %.3f s, warm %.3f s (alpha %.3f)%n",
                f.recordings(), f.coders(), f.eventsPerCoder(), f.coldSeconds(), f.warmSeconds(), f.alpha());
    }

    /** Builds the synthetic study (seeded), times one cold run, then {@code warmRuns} more. */
    public static Figures run(int warmRuns) {
        List<RecordingEvents> study = syntheticStudy(500, 3, 300, new Random(20240517));
        long t0 = System.nanoTime();
        StudyAgreement.Report report = StudyAgreement.compute(study, EventMatcher.DEFAULT_TOLERANCE_MS);
        double cold = (System.nanoTime() - t0) / 1e9;
        double warm = cold;
        for (int i = 0; i < warmRuns; i++) {
            long t = System.nanoTime();
            report = StudyAgreement.compute(study, EventMatcher.DEFAULT_TOLERANCE_MS);
            warm = Math.min(warm, (System.nanoTime() - t) / 1e9);
        }
        return new Figures(500, 3, 300, cold, warm, report.alpha().orElse(Double.NaN));
    }

    /**
     * A study where a hidden "true" event stream (8 codes, unequal frequencies, one event every ~12 s on average)
     * is coded by each coder with 0-1.5 s reaction jitter, 8% misses, 3% extra events and 7% code confusions.
     */
    public static List<RecordingEvents> syntheticStudy(int recordings, int coders, int events, Random random) {
        String[] codes = {"OFQ", "RISK", "TASK", "CASE", "REFLECT", "PLAN", "FAMILY", "OTHER"};
        double[] weights = {0.30, 0.15, 0.15, 0.10, 0.10, 0.08, 0.07, 0.05};
        List<RecordingEvents> study = new ArrayList<>(recordings);
        for (int r = 0; r < recordings; r++) {
            long[] times = new long[events];
            String[] truth = new String[events];
            long t = 0;
            for (int e = 0; e < events; e++) {
                t += 2_000 + (long) (random.nextDouble() * 20_000);
                times[e] = t;
                truth[e] = pick(codes, weights, random);
            }
            Map<String, List<TimedEvent>> byCoder = new HashMap<>();
            for (int c = 0; c < coders; c++) {
                List<TimedEvent> list = new ArrayList<>(events);
                for (int e = 0; e < events; e++) {
                    double u = random.nextDouble();
                    if (u < 0.08) {
                        continue; // missed
                    }
                    String code = random.nextDouble() < 0.07 ? pick(codes, weights, random) : truth[e];
                    list.add(TimedEvent.point(code, times[e] + (long) (random.nextDouble() * 1_500)));
                    if (u > 0.97) { // an extra event nobody else has
                        list.add(TimedEvent.point(pick(codes, weights, random), times[e] + 5_000));
                    }
                }
                byCoder.put("coder" + (c + 1), list);
            }
            study.add(new RecordingEvents(String.format(Locale.ROOT, "R-%04d", r), byCoder));
        }
        return study;
    }

    private static String pick(String[] codes, double[] weights, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < codes.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
    }
}

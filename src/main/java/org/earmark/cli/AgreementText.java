package org.earmark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.timeline.ScoreAgreement;
import org.earmark.results.AgreementReport;

/** The agreement report as text a researcher can paste into a methods section, then the detail tables. */
final class AgreementText {

    private AgreementText() {
    }

    static void print(AgreementReport r, PrintWriter out) {
        var o = r.overall();
        if (r.recordings().isEmpty()) {
            out.println(r.waiting().recordings().isEmpty()
                    ? "No recording has been assigned to two coders, so there is no agreement to report."
                    : "No double-coded recording has been coded by two of its coders yet, so there is no agreement"
                            + " to report.");
            printWaiting(r.waiting(), out);
            return;
        }
        out.printf(Locale.ROOT, "Inter-rater agreement was assessed on %d double-coded recording%s (coders: %s)."
                + " Each pair of coders' point events were matched one-to-one within a tolerance of %.1f s by an"
                + " optimal order-preserving alignment; unmatched events were paired with \"no event\"."
                + " Of %d units, %d were matched pairs (%d with the same code) and %d were unpaired events."
                + " Percent agreement was %s, Cohen's kappa %s, Gwet's AC1 %s and Krippendorff's alpha (nominal) %s.%n",
                r.recordings().size(), r.recordings().size() == 1 ? "" : "s", String.join(", ", r.coders()),
                r.toleranceS(), o.pairs() + o.unpaired(), o.pairs(), o.agreed(), o.unpaired(),
                f(o.percentAgreement()), f(o.cohenKappa()), f(o.gwetAc1()), f(o.krippendorffAlpha()));
        printWaiting(r.waiting(), out);
        r.metrics().forEach((metric, s) -> icc(s).ifPresent(e -> out.printf(Locale.ROOT,
                "For the fidelity metric %s, ICC(2,1) (two-way random, absolute agreement) was %s, 95%% CI [%s, %s],"
                        + " n = %d recordings.%n", metric, f(e.value()), f(e.lowerBound()), f(e.upperBound()),
                s.table().completeUnitCount())));
        out.println();
        out.printf("%-8s %6s %6s %6s %9s %9s %9s   %s%n", "code", "both", "first", "second", "precision", "recall",
                "F1", "counts ICC(2,1) [95% CI]");
        r.perCode().forEach((code, a) -> {
            var s = a.scores();
            String counts = icc(a.counts()).map(e -> f(e.value()) + " [" + f(e.lowerBound()) + ", "
                    + f(e.upperBound()) + "]").orElse("n/a");
            if (s == null) {
                out.printf("%-8s %6s %6s %6s %9s %9s %9s   %s%n", code, "", "", "", "", "", "", counts);
            } else {
                out.printf("%-8s %6d %6d %6d %9s %9s %9s   %s%n", code, s.truePositives(), s.countA(), s.countB(),
                        f(s.precision()), f(s.recall()), f(s.f1()), counts);
            }
        });
        out.println();
        out.printf("%-10s %-20s %6s %6s %8s %9s %8s %8s%n", "recording", "coders", "pairs", "agreed", "unpaired",
                "% agree", "kappa", "alpha");
        for (AgreementReport.RecordingAgreement a : r.perRecording()) {
            out.printf("%-10s %-20s %6d %6d %8d %9s %8s %8s%n", a.recording(), String.join(",", a.coders()), a.pairs(),
                    a.agreed(), a.unpaired(), f(a.percentAgreement()), f(a.cohenKappa()), f(a.krippendorffAlpha()));
        }
        if (!r.spans().isEmpty()) {
            out.println();
            out.println("Span codes: % agreement and kappa pooled over all compared 1-s slices of all recordings"
                    + " (one 2x2 table summed over recordings and coder pairs); unitizing alpha is the mean of the"
                    + " per-recording alphas.");
            out.printf("%-8s %10s %16s %9s %8s %22s%n", "span", "recordings", "pooled slices", "% agree", "kappa",
                    "mean unitizing alpha");
            r.spans().forEach((code, s) -> out.printf("%-8s %10d %16d %9s %8s %22s%n", code, s.recordings(),
                    s.slices(), f(s.percentAgreement()), f(s.cohenKappa()), f(s.meanUnitizingAlpha())
                            + " (" + s.alphaRecordings() + " rec.)"));
        }
        out.println();
        out.println("n/a: undefined for these data (for example a code no coder used). Precision and recall take the"
                + " first coder of each pair (in name order) as the reference.");
    }

    /** Coding still under way, said where a reader of the figures sees it rather than left for them to guess. */
    private static void printWaiting(AgreementReport.Waiting waiting, PrintWriter out) {
        if (!waiting.recordings().isEmpty()) {
            out.printf("Left out: %d double-coded recording%s that fewer than two of %s coders have coded so far (%s).%n",
                    waiting.recordings().size(), waiting.recordings().size() == 1 ? "" : "s",
                    waiting.recordings().size() == 1 ? "its" : "their", String.join(", ", waiting.recordings()));
        }
        if (!waiting.notDone().isEmpty()) {
            out.printf("Not yet marked done by every coder: %d of the compared recordings (%s).%n",
                    waiting.notDone().size(), String.join(", ", waiting.notDone()));
        }
    }

    private static java.util.Optional<IccEstimate> icc(ScoreAgreement s) {
        if (s == null) {
            return java.util.Optional.empty();
        }
        return s.icc().map((Map<IccForm, IccEstimate> m) -> m.get(IccForm.ICC2));
    }

    static String f(OptionalDouble d) {
        return d.isPresent() && Double.isFinite(d.getAsDouble()) ? String.format(Locale.ROOT, "%.3f", d.getAsDouble())
                : "n/a";
    }
}

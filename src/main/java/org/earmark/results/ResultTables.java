package org.earmark.results;

import static org.earmark.core.Preconditions.checkArgument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.timeline.CodeScores;
import org.earmark.agreement.timeline.ScoreAgreement;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.codebook.FidelityMetric;
import org.earmark.codebook.RatingScale;
import org.earmark.core.AppVersion;
import org.earmark.core.IsoInstant;
import org.earmark.io.EventCsv;
import org.earmark.io.Table;
import org.earmark.model.Event;
import org.earmark.storage.StudyFile;

/**
 * The tables a study exports: Sessions, Events, Agreement, Summary (only once unblinded),
 * Codebook and Provenance. Allocation values appear only after unblinding, because they are only
 * read through {@link StudyFile#allocation()}, which refuses while the study is blind.
 */
public final class ResultTables {

    private ResultTables() {
    }

    /**
     * Loads the study once and builds its tables; {@code earmark study export} and the Results tab's
     * Export both come here.
     */
    public static List<Table> build(StudyFile study, double toleranceS, Instant exportedAt) {
        StudyData data = StudyData.load(study);
        return build(study, data, AgreementReport.compute(data, toleranceS), exportedAt);
    }

    /**
     * The tables from a snapshot of the study and its agreement report already at hand, so that a
     * caller who has just computed them (the benchmark, a view showing them) does not load and
     * compute them again. The report must have been computed from {@code data}; its tolerance is the
     * one the export records.
     */
    public static List<Table> build(StudyFile study, StudyData data, AgreementReport agreement, Instant exportedAt) {
        checkArgument(data.studyId().equals(study.id()), "the study data is of study %s, not of the study %s",
                data.studyId(), study.id());
        List<FidelityTable.Row> fidelity = FidelityTable.compute(data, null);
        boolean unblinded = study.isUnblinded();
        Map<String, Map<String, String>> allocation = unblinded ? study.allocation() : Map.of();
        List<String> columns = unblinded ? study.allocationColumns() : List.of();

        List<Table> tables = new ArrayList<>();
        tables.add(sessions(data, fidelity, allocation, columns));
        tables.add(events(data));
        tables.add(agreement(agreement));
        if (unblinded) {
            tables.add(summary(GroupSummary.compute(fidelity, allocation, columns)));
        }
        tables.add(codebook(data.codebook()));
        tables.add(provenance(study, data, agreement.toleranceS(), exportedAt));
        return tables;
    }

    static Table sessions(StudyData data, List<FidelityTable.Row> fidelity, Map<String, Map<String, String>> allocation,
            List<String> allocationColumns) {
        List<String> header = new ArrayList<>(List.of("recording", "coders", "duration_s", "source"));
        data.codebook().metrics().forEach(m -> header.add(m.id()));
        header.addAll(allocationColumns);
        Table.Builder table = new Table.Builder("Sessions", header);
        for (FidelityTable.Row r : fidelity) {
            List<Object> row = new ArrayList<>(List.of(r.recording(), String.join(";", data.assignedCoders(r.recording())),
                    r.durationMs() / 1000.0, r.source()));
            data.codebook().metrics().forEach(m -> row.add(r.metrics().get(m.id())));
            allocationColumns.forEach(c -> row.add(allocation.getOrDefault(r.recording(), Map.of()).get(c)));
            table.row(row);
        }
        return table.build();
    }

    static final List<String> EVENT_COLUMNS = List.of("recording", "coder", "event_id", "code", "start_s", "end_s",
            "note", "created_at", "updated_at");

    /**
     * One row per live event, written straight from the study data when a writer asks for the rows
     * (each format asks once): half a million events are never copied into rows of boxed cells.
     */
    static Table events(StudyData data) {
        int count = 0;
        for (Map<String, List<Event>> byCoder : data.events().values()) {
            for (List<Event> events : byCoder.values()) {
                count += events.size();
            }
        }
        return new Table("Events", EVENT_COLUMNS, count, out -> {
            Stamps stamps = new Stamps();
            data.events().forEach((recording, byCoder) -> byCoder.forEach((coder, events) -> {
                for (Event e : events) {
                    out.text(recording);
                    out.text(coder);
                    out.text(e.id().toString());
                    out.text(e.code());
                    out.number(e.startMs() / 1000.0);
                    if (e.endMs() == null) {
                        out.empty();
                    } else {
                        out.number(e.endMs() / 1000.0);
                    }
                    out.text(e.note());
                    out.text(stamps.text(e.createdAt()));
                    out.text(stamps.text(e.updatedAt()));
                    out.endRow();
                }
            }));
        });
    }

    /** Time stamps as text, reusing the last one: an event never edited has the same two, as do events added together. */
    private static final class Stamps {
        private Instant last;
        private String lastText;

        String text(Instant at) {
            if (!at.equals(last)) {
                last = at;
                lastText = IsoInstant.standard(at);
            }
            return lastText;
        }
    }

    static Table agreement(AgreementReport report) {
        Table.Builder t = new Table.Builder("Agreement", "scope", "item", "statistic", "value", "ci_lower",
                "ci_upper", "n");
        var o = report.overall();
        long units = o.pairs() + o.unpaired();
        t.row("overall", "all point codes", "pairs", (double) o.pairs(), null, null, units);
        t.row("overall", "all point codes", "agreed", (double) o.agreed(), null, null, units);
        t.row("overall", "all point codes", "unpaired", (double) o.unpaired(), null, null, units);
        t.row("overall", "all point codes", "percent_agreement", value(o.percentAgreement()), null, null, units);
        t.row("overall", "all point codes", "cohen_kappa", value(o.cohenKappa()), null, null, units);
        t.row("overall", "all point codes", "gwet_ac1", value(o.gwetAc1()), null, null, units);
        t.row("overall", "all point codes", "krippendorff_alpha", value(o.krippendorffAlpha()), null, null, units);
        report.perCode().forEach((code, a) -> {
            CodeScores s = a.scores();
            if (s != null) {
                long n = s.countA() + s.countB();
                t.row("code", code, "precision", value(s.precision()), null, null, n);
                t.row("code", code, "recall", value(s.recall()), null, null, n);
                t.row("code", code, "f1", value(s.f1()), null, null, n);
            }
            scoreRows(t, "code counts", code, a.counts());
        });
        for (AgreementReport.RecordingAgreement r : report.perRecording()) {
            long n = r.pairs() + r.unpaired();
            t.row("recording", r.recording(), "percent_agreement", value(r.percentAgreement()), null, null, n);
            t.row("recording", r.recording(), "cohen_kappa", value(r.cohenKappa()), null, null, n);
            t.row("recording", r.recording(), "krippendorff_alpha", value(r.krippendorffAlpha()), null, null, n);
        }
        report.metrics().forEach((metric, s) -> scoreRows(t, "fidelity metric", metric, s));
        report.spans().forEach((code, s) -> {
            // n: the pooled slices for the slice statistics, the recordings averaged for alpha
            t.row("span code", code, "pooled_slice_percent_agreement", value(s.percentAgreement()), null, null,
                    s.slices());
            t.row("span code", code, "pooled_slice_cohen_kappa", value(s.cohenKappa()), null, null, s.slices());
            t.row("span code", code, "mean_unitizing_alpha_over_recordings", value(s.meanUnitizingAlpha()), null,
                    null, s.alphaRecordings());
        });
        return t.build();
    }

    private static void scoreRows(Table.Builder t, String scope, String item, ScoreAgreement s) {
        if (s == null) {
            return;
        }
        int n = s.table().completeUnitCount();
        s.icc().ifPresent(map -> {
            for (IccForm form : IccForm.values()) {
                IccEstimate e = map.get(form);
                if (e != null) {
                    t.row(scope, item, form.name(), value(e.value()), value(e.lowerBound()), value(e.upperBound()), n);
                }
            }
        });
        t.row(scope, item, "krippendorff_alpha_interval", value(s.alpha()), null, null, n);
    }

    static Table summary(List<GroupSummary.Row> rows) {
        Table.Builder t = new Table.Builder("Summary", "allocation_column", "group", "metric", "n", "mean", "sd",
                "median");
        for (GroupSummary.Row r : rows) {
            t.row(r.column(), r.group(), r.metric(), r.n(), value(r.mean()), value(r.sd()), value(r.median()));
        }
        return t.build();
    }

    static Table codebook(Codebook cb) {
        Table.Builder t = new Table.Builder("Codebook", "kind", "id", "label", "details", "definition");
        for (EventCode c : cb.codes()) {
            t.row("code", c.id(), c.label(), c.kind().jsonName() + ", hotkey " + c.hotkey() + ", colour " + c.colour()
                    + (c.group() == null ? "" : ", group " + c.group()), c.definition());
        }
        for (RatingScale r : cb.ratings()) {
            t.row("rating", r.id(), r.label(), r.min() + ".." + r.max(), String.join(" | ", r.anchors().entrySet()
                    .stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        for (FidelityMetric m : cb.metrics()) {
            t.row("metric", m.id(), m.label(), describe(m), "");
        }
        return t.build();
    }

    static String describe(FidelityMetric m) {
        if (m instanceof FidelityMetric.Count c) {
            return "count of " + c.of();
        }
        if (m instanceof FidelityMetric.Rate r) {
            return "count of " + r.of() + " per " + EventCsv.seconds(Math.round(r.perMinutes() * 1000)) + " minutes";
        }
        if (m instanceof FidelityMetric.Share s) {
            return "share of " + s.numerator() + " within " + s.denominator();
        }
        if (m instanceof FidelityMetric.RatingMean r) {
            return "mean of ratings " + r.ratings();
        }
        FidelityMetric.Duration d = (FidelityMetric.Duration) m;
        return "time covered by " + d.of() + " in " + d.unit().name().toLowerCase(java.util.Locale.ROOT);
    }

    static Table provenance(StudyFile study, StudyData data, double toleranceS, Instant exportedAt) {
        Table.Builder t = new Table.Builder("Provenance", "key", "value");
        t.row("application", "Earmark " + AppVersion.current());
        t.row("java", System.getProperty("java.version"));
        t.row("study_id", study.id());
        t.row("study_name", study.name());
        t.row("codebook_id", data.codebook().id());
        t.row("codebook_version", data.codebook().version());
        t.row("codebook_hash", data.codebook().hash());
        t.row("tolerance_s", EventCsv.seconds(Math.round(toleranceS * 1000)));
        t.row("span_slice_s", "1");
        t.row("fidelity_source", "consensus where adjudicated, else the primary coder");
        t.row("unblinded", study.isUnblinded() ? "yes, at " + study.unblindedAt() : "no");
        t.row("exported_at", exportedAt.toString());
        return t.build();
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}

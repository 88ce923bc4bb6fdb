package org.earmark.ui.results;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.timeline.CodeScores;
import org.earmark.agreement.timeline.ScoreAgreement;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.FidelityMetric;
import org.earmark.core.AppVersion;
import org.earmark.core.EarmarkException;
import org.earmark.io.Table;
import org.earmark.io.TableWriters;
import org.earmark.results.AgreementReport;
import org.earmark.results.FidelityTable;
import org.earmark.results.GroupSummary;
import org.earmark.results.ResultTables;
import org.earmark.results.StudyData;
import org.earmark.storage.StudyFile;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.shared.OpenStudy;

/**
 * State of the Results tab: the agreement report, the fidelity table, unblinding and the group
 * summaries, and export — all computed by the same services as {@code earmark study agreement|
 * fidelity|unblind|export}. Blind until the lead unblinds: the allocation is read only when
 * {@link StudyFile#isUnblinded()} is true, so no allocation value reaches this model before.
 */
public final class ResultsViewModel {

    /** Everything the tab shows, computed in one background job. */
    record Snapshot(AgreementReport agreement, List<FidelityTable.Row> fidelity, List<String> coders,
            boolean hasConsensus, boolean unblinded, String unblindedAt, List<String> columns,
            List<GroupSummary.Row> summary) {
    }

    private final OpenStudy study;
    private final Background background;
    private final ResourceBundle text;
    private final Clock clock;
    private final Codebook codebook;

    private final DoubleProperty tolerance = new SimpleDoubleProperty(2.0);
    private final ObjectProperty<ResultRows.Source> source = new SimpleObjectProperty<>();
    private final ObservableList<ResultRows.Source> sources = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper agreementSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ResultRows.Stat> overall = FXCollections.observableArrayList();
    private final ObservableList<ResultRows.Code> perCode = FXCollections.observableArrayList();
    private final ObservableList<ResultRows.Recording> perRecording = FXCollections.observableArrayList();
    private final ObservableList<ResultRows.Metric> metricAgreement = FXCollections.observableArrayList();
    private final ObservableList<String> metricIds = FXCollections.observableArrayList();
    private final ObservableList<ResultRows.Fidelity> fidelity = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper unblinded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper blindingText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> allocationColumns = FXCollections.observableArrayList();
    private final ObservableList<ResultRows.Summary> summary = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final org.earmark.ui.common.JobSlot slot = new org.earmark.ui.common.JobSlot();
    private final ObjectProperty<Background.Job<?>> job = slot.property();
    private boolean stale = true;
    private boolean refreshPending;
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };
    private Runnable onUnblinded = () -> { };

    public ResultsViewModel(OpenStudy study, Background background, ResourceBundle text, Clock clock) {
        this.study = study;
        this.background = background;
        this.text = text;
        this.clock = clock;
        this.codebook = study.codebook();
        metricIds.setAll(codebook.metrics().stream().map(FidelityMetric::id).toList());
        ResultRows.Source byDefault = new ResultRows.Source(null, text.getString("results.source.default"));
        sources.setAll(byDefault);
        source.set(byDefault);
        source.addListener((o, old, now) -> {
            if (now != null && old != null && !java.util.Objects.equals(now.value(), old.value())) {
                refresh();
            }
        });
    }

    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    /** Called after the study has been unblinded here. */
    public void setOnUnblinded(Runnable onUnblinded) {
        this.onUnblinded = onUnblinded;
    }

    /** The study's coding changed elsewhere: compute again when next shown. */
    public void markStale() {
        stale = true;
    }

    /** Computes again if something changed since the last time. */
    public void refreshIfStale() {
        if (stale) {
            refresh();
        }
    }

    /** Computes the agreement report, the fidelity table and (once unblinded) the group summaries. */
    public void refresh() {
        double tol = tolerance.get();
        if (!(tol >= 0 && tol <= 600)) {
            onError.accept(text.getString("results.error.compute"), EarmarkException.badInput(
                    MessageFormat.format(text.getString("results.problem.tolerance"), Double.toString(tol))));
            return;
        }
        if (job.get() != null) {
            refreshPending = true;
            return;
        }
        stale = false;
        String chosen = source.get() == null ? null : source.get().value();
        Background.Job<Snapshot> newJob = background.job(text.getString("results.job.computing"), p -> study.call(s -> {
            StudyData data = StudyData.load(s);
            p.checkCancelled();
            AgreementReport agreement = AgreementReport.compute(data, tol);
            p.checkCancelled();
            List<FidelityTable.Row> rows = FidelityTable.compute(data, chosen);
            boolean open = s.isUnblinded();
            List<String> columns = s.allocationColumns();
            List<GroupSummary.Row> groups = open ? GroupSummary.compute(rows, s.allocation(), columns) : List.of();
            List<String> coders = data.assignments().stream().map(a -> a.coder())
                    .filter(c -> !c.equals(StudyData.CONSENSUS)).distinct().sorted().toList();
            boolean consensus = data.events().values().stream().anyMatch(m -> m.containsKey(StudyData.CONSENSUS))
                    || data.ratings().values().stream().anyMatch(m -> m.containsKey(StudyData.CONSENSUS));
            return new Snapshot(agreement, rows, coders, consensus, open, open ? s.unblindedAt() : "", columns,
                    groups);
        }));
        start(newJob, text.getString("results.error.compute"), this::show);
    }

    private void show(Snapshot s) {
        AgreementReport r = s.agreement();
        var o = r.overall();
        String summaryText;
        if (r.recordings().isEmpty()) {
            summaryText = text.getString(r.waiting().recordings().isEmpty() ? "results.agreement.none"
                    : "results.agreement.noneYet");
        } else {
            summaryText = MessageFormat.format(text.getString("results.agreement.summary"),
                    r.recordings().size(), String.join(", ", r.coders()),
                    String.format(Locale.ROOT, "%.1f", r.toleranceS()), o.pairs() + o.unpaired(), o.pairs(),
                    o.agreed(), o.unpaired());
        }
        if (!r.waiting().recordings().isEmpty()) {
            summaryText += " " + MessageFormat.format(text.getString("results.agreement.awaiting"),
                    r.waiting().recordings().size(), String.join(", ", r.waiting().recordings()));
        }
        if (!r.waiting().notDone().isEmpty()) {
            summaryText += " " + MessageFormat.format(text.getString("results.agreement.notDone"),
                    r.waiting().notDone().size(), String.join(", ", r.waiting().notDone()));
        }
        agreementSummary.set(summaryText);
        overall.setAll(List.of(
                new ResultRows.Stat(text.getString("results.stat.pairs"), Long.toString(o.pairs())),
                new ResultRows.Stat(text.getString("results.stat.agreed"), Long.toString(o.agreed())),
                new ResultRows.Stat(text.getString("results.stat.unpaired"), Long.toString(o.unpaired())),
                new ResultRows.Stat(text.getString("results.stat.percent"), ResultRows.f(o.percentAgreement())),
                new ResultRows.Stat(text.getString("results.stat.kappa"), ResultRows.f(o.cohenKappa())),
                new ResultRows.Stat(text.getString("results.stat.ac1"), ResultRows.f(o.gwetAc1())),
                new ResultRows.Stat(text.getString("results.stat.alpha"), ResultRows.f(o.krippendorffAlpha()))));
        List<ResultRows.Code> codes = new ArrayList<>();
        r.perCode().forEach((code, a) -> {
            CodeScores c = a.scores();
            String label = codebook.code(code).map(x -> x.label()).orElse(code);
            String counts = icc(a.counts());
            if (c == null) {
                codes.add(new ResultRows.Code(code, label, "", "", "", "", "", "", counts,
                        java.util.OptionalDouble.empty()));
            } else {
                codes.add(new ResultRows.Code(code, label, Long.toString(c.truePositives()), Long.toString(c.countA()),
                        Long.toString(c.countB()), ResultRows.f(c.precision()), ResultRows.f(c.recall()),
                        ResultRows.f(c.f1()), counts, c.f1()));
            }
        });
        perCode.setAll(codes);
        perRecording.setAll(r.perRecording().stream().map(a -> new ResultRows.Recording(a.recording(),
                String.join(", ", a.coders()), a.pairs(), a.agreed(), a.unpaired(), ResultRows.f(a.percentAgreement()),
                ResultRows.f(a.cohenKappa()), ResultRows.f(a.krippendorffAlpha()))).toList());
        List<ResultRows.Metric> metrics = new ArrayList<>();
        r.metrics().forEach((metric, m) -> metrics.add(new ResultRows.Metric(metric, metricLabel(metric), icc(m),
                ResultRows.f(m.alpha()), m.table().completeUnitCount())));
        metricAgreement.setAll(metrics);

        fidelity.setAll(s.fidelity().stream().map(row -> new ResultRows.Fidelity(row.recording(),
                sourceLabel(row.source()), metricIds.stream().map(m -> ResultRows.f(row.metrics().get(m))).toList()))
                .toList());
        updateSources(s.coders(), s.hasConsensus());

        unblinded.set(s.unblinded());
        allocationColumns.setAll(s.columns());
        blindingText.set(s.unblinded()
                ? MessageFormat.format(text.getString("results.unblinded.at"), s.unblindedAt(), columnList())
                : MessageFormat.format(text.getString("results.blind.text"), columnList()));
        summary.setAll(s.summary().stream().map(g -> new ResultRows.Summary(g.column(), g.group(),
                metricLabel(g.metric()), g.n(), ResultRows.f(g.mean()), ResultRows.f(g.sd()), ResultRows.f(g.median()),
                g.mean())).toList());
        loaded.set(true);
        status.set(MessageFormat.format(text.getString("results.status"), r.recordings().size(),
                s.fidelity().size(), text.getString(s.unblinded() ? "results.status.unblinded" : "results.status.blind")));
    }

    private void updateSources(List<String> coders, boolean hasConsensus) {
        List<ResultRows.Source> all = new ArrayList<>();
        all.add(sources.get(0));
        if (hasConsensus) {
            all.add(new ResultRows.Source(StudyData.CONSENSUS, text.getString("results.source.consensus")));
        }
        for (String coder : coders) {
            all.add(new ResultRows.Source("coder:" + coder, MessageFormat.format(text.getString("results.source.coder"),
                    coder)));
        }
        if (!all.equals(sources)) {
            ResultRows.Source chosen = source.get();
            sources.setAll(all);
            source.set(all.stream().filter(x -> java.util.Objects.equals(x.value(), chosen.value())).findFirst()
                    .orElse(all.get(0)));
        }
    }

    private String sourceLabel(String stored) {
        if (stored.equals(StudyData.CONSENSUS)) {
            return text.getString("results.source.consensus");
        }
        return stored.startsWith("coder:") ? stored.substring(6) : stored;
    }

    public String metricLabel(String metricId) {
        return codebook.metrics().stream().filter(m -> m.id().equals(metricId)).map(FidelityMetric::label).findFirst()
                .orElse(metricId);
    }

    private static String icc(ScoreAgreement s) {
        return AgreementReport.icc(s).map((Map<IccForm, IccEstimate> m) -> m.get(IccForm.ICC2))
                .map(e -> ResultRows.f(e.value()) + " [" + ResultRows.f(e.lowerBound()) + ", "
                        + ResultRows.f(e.upperBound()) + "]").orElse("n/a");
    }

    private String columnList() {
        return allocationColumns.isEmpty() ? text.getString("results.blind.noColumns")
                : String.join(", ", allocationColumns);
    }

    /** What the unblind confirmation says: which columns it reveals, that it cannot be undone and is logged. */
    public String unblindQuestion() {
        return MessageFormat.format(text.getString("results.unblind.question"), columnList());
    }

    /** Reveals the allocation, as {@code earmark study unblind} does (logged in the audit table), then shows the summaries. */
    public void unblind() {
        Background.Job<Void> newJob = background.job(text.getString("results.job.unblinding"), p -> study.call(s -> {
            if (!s.isUnblinded()) {
                s.unblind();
            }
            return null;
        }));
        start(newJob, text.getString("results.error.unblind"), nothing -> {
            onUnblinded.run();
            refresh();
        });
    }

    /** Writes the XLSX workbook and, if a folder is given, one CSV per table, as {@code earmark study export} does. */
    public void export(Path xlsx, Path csvDir) {
        double tol = tolerance.get();
        Background.Job<List<Path>> newJob = background.job(text.getString("results.job.exporting"), p -> {
            p.update(0.05, text.getString("results.job.exportTables"));
            List<Table> tables = study.call(s -> ResultTables.build(s, tol, clock.instant()));
            Path studyFile = study.call(StudyFile::path);
            TableWriters.checkExport(xlsx, csvDir, tables, List.of(studyFile));
            p.checkCancelled();
            p.update(0.5, MessageFormat.format(text.getString("results.job.exportWriting"), xlsx.getFileName()));
            TableWriters.xlsx(xlsx, tables, AppVersion.current());
            List<Path> written = new ArrayList<>(List.of(xlsx));
            if (csvDir != null) {
                p.checkCancelled();
                p.update(0.8, MessageFormat.format(text.getString("results.job.exportWriting"), csvDir.getFileName()));
                written.addAll(TableWriters.csv(csvDir, tables));
            }
            return written;
        });
        start(newJob, text.getString("results.error.export"), written -> status.set(MessageFormat.format(
                text.getString("results.exported"), written.size(), xlsx.getFileName())));
    }

    private <T> void start(Background.Job<T> newJob, String doing, java.util.function.Consumer<T> done) {
        boolean started = slot.start(newJob, result -> {
            done.accept(result);
            afterJob();
        }, e -> {
            onError.accept(doing, e);
            afterJob();
        }, () -> {
            status.set(text.getString("results.cancelled"));
            afterJob();
        });
        if (!started) {
            status.set(text.getString("results.busy"));
        }
    }

    private void afterJob() {
        if (refreshPending && job.get() == null) {
            refreshPending = false;
            refresh();
        }
    }

    /** The metrics' labels, for chart categories and column headers. */
    public Map<String, String> metricLabels() {
        Map<String, String> out = new LinkedHashMap<>();
        codebook.metrics().forEach(m -> out.put(m.id(), m.label()));
        return out;
    }

    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    public ObjectProperty<ResultRows.Source> sourceProperty() {
        return source;
    }

    public ObservableList<ResultRows.Source> sources() {
        return sources;
    }

    public ReadOnlyStringProperty agreementSummaryProperty() {
        return agreementSummary.getReadOnlyProperty();
    }

    public ObservableList<ResultRows.Stat> overall() {
        return overall;
    }

    public ObservableList<ResultRows.Code> perCode() {
        return perCode;
    }

    public ObservableList<ResultRows.Recording> perRecording() {
        return perRecording;
    }

    public ObservableList<ResultRows.Metric> metricAgreement() {
        return metricAgreement;
    }

    public ObservableList<String> metricIds() {
        return metricIds;
    }

    public ObservableList<ResultRows.Fidelity> fidelity() {
        return fidelity;
    }

    public ReadOnlyBooleanProperty unblindedProperty() {
        return unblinded.getReadOnlyProperty();
    }

    /** Either what unblinding would reveal, or when it was done. */
    public ReadOnlyStringProperty blindingTextProperty() {
        return blindingText.getReadOnlyProperty();
    }

    public ObservableList<String> allocationColumns() {
        return allocationColumns;
    }

    public ObservableList<ResultRows.Summary> summary() {
        return summary;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObjectProperty<Background.Job<?>> jobProperty() {
        return job;
    }

    public BooleanBinding busyProperty() {
        return job.isNotNull();
    }
}

package org.earmark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.earmark.core.AppVersion;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.io.Table;
import org.earmark.io.TableWriters;
import org.earmark.results.AgreementReport;
import org.earmark.results.FidelityTable;
import org.earmark.results.GroupSummary;
import org.earmark.results.ResultTables;
import org.earmark.results.StudyData;
import org.earmark.storage.StudyFile;
import org.earmark.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark study agreement|fidelity|unblind|export}: what goes into the trial report. */
final class StudyResultsCommands {

    private static final String TOLERANCE = "How far apart two coders' events may be and still match"
            + " (default ${DEFAULT-VALUE} s).";

    private StudyResultsCommands() {
    }

    @Command(name = "agreement", description = "Inter-rater agreement on the double-coded recordings: overall, per"
            + " code, per recording, and ICC of counts and fidelity metrics with 95%% CIs.")
    static final class Agreement implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--tolerance", defaultValue = "2.0", paramLabel = "SECONDS",
                description = TOLERANCE)
        double tolerance;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!(tolerance >= 0 && tolerance <= 600)) {
                throw EarmarkException.badInput("--tolerance must be between 0 and 600 seconds, was " + tolerance);
            }
            AgreementReport report;
            try (StudyFile study = StudyFolder.openReadOnly(dir, Clock.systemUTC())) {
                report = AgreementReport.compute(StudyData.load(study), tolerance);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ResultsJson.agreement(report));
            } else {
                AgreementText.print(report, out);
            }
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "fidelity", description = "Every codebook metric per recording.")
    static final class Fidelity implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--source", paramLabel = "consensus|coder:NAME",
                description = "Whose coding to score (default: consensus where it exists, else the primary coder).")
        String source;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<FidelityTable.Row> rows;
            List<String> metrics;
            try (StudyFile study = StudyFolder.openReadOnly(dir, Clock.systemUTC())) {
                StudyData data = StudyData.load(study);
                rows = FidelityTable.compute(data, source);
                metrics = data.codebook().metrics().stream().map(m -> m.id()).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ResultsJson.fidelity(rows));
                return Failures.EXIT_OK;
            }
            if (rows.isEmpty()) {
                out.println(StudyData.CONSENSUS.equals(source)
                        ? "No recording has adjudicated (consensus) coding yet: adjudicate in the app's study window."
                        : "No recording has coding to score yet.");
                return Failures.EXIT_OK;
            }
            out.printf("%-10s %-16s", "recording", "source");
            metrics.forEach(m -> out.printf(" %14s", m));
            out.println();
            for (FidelityTable.Row r : rows) {
                out.printf("%-10s %-16s", r.recording(), r.source());
                metrics.forEach(m -> {
                    Double v = r.metrics().get(m);
                    out.printf(" %14s", v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v));
                });
                out.println();
            }
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "unblind", description = "Reveal the allocation (logged in the audit table) and summarise each"
            + " metric by every allocation column: n, mean, SD, median.")
    static final class Unblind implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
                if (study.isUnblinded()) {
                    out.printf("The study was unblinded at %s.%n", study.unblindedAt());
                } else {
                    study.unblind();
                    out.printf("Unblinded now (%s); this is recorded in the study's audit log.%n", study.unblindedAt());
                }
                List<FidelityTable.Row> fidelity = FidelityTable.compute(StudyData.load(study), null);
                List<GroupSummary.Row> rows = GroupSummary.compute(fidelity, study.allocation(),
                        study.allocationColumns());
                out.printf("%n%-14s %-22s %-22s %4s %10s %10s %10s%n", "column", "group", "metric", "n", "mean", "sd",
                        "median");
                for (GroupSummary.Row r : rows) {
                    out.printf("%-14s %-22s %-22s %4d %10s %10s %10s%n", r.column(), r.group(), r.metric(), r.n(),
                            AgreementText.f(r.mean()), AgreementText.f(r.sd()), AgreementText.f(r.median()));
                }
            }
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "export", description = "Write the results as an XLSX workbook (Sessions, Events, Agreement,"
            + " Summary after unblinding, Codebook, Provenance) and optionally the same tables as UTF-8 CSV files.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--xlsx", required = true, paramLabel = "F.xlsx", description = "The workbook to write.")
        Path xlsx;

        @Option(names = "--csv-dir", paramLabel = "D", description = "Also write one CSV per table into this folder.")
        Path csvDir;

        @Option(names = "--tolerance", defaultValue = "2.0", paramLabel = "SECONDS",
                description = TOLERANCE)
        double tolerance;

        @Override
        public Integer call() {
            List<Table> tables;
            Path studyFile;
            try (StudyFile study = StudyFolder.openReadOnly(dir, Clock.systemUTC())) {
                tables = ResultTables.build(study, tolerance, Clock.systemUTC().instant());
                studyFile = study.path();
            }
            TableWriters.checkExport(xlsx, csvDir, tables, List.of(studyFile));
            TableWriters.xlsx(xlsx, tables, AppVersion.current());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s (%s)%n", xlsx, String.join(", ", tables.stream().map(Table::name).toList()));
            if (csvDir != null) {
                for (Path p : TableWriters.csv(csvDir, tables)) {
                    out.printf("wrote %s%n", p);
                }
            }
            return Failures.EXIT_OK;
        }
    }
}

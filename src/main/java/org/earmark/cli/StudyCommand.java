package org.earmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

import java.util.List;
import java.util.concurrent.Callable;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.core.TimeFormat;
import org.earmark.model.Assignment;
import org.earmark.model.MergeReport;
import org.earmark.storage.CoderNames;
import org.earmark.storage.StudyFile;
import org.earmark.study.Assigner;
import org.earmark.study.Merger;
import org.earmark.study.StudyFolder;
import org.earmark.study.StudyStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark study …}: the lead researcher's commands. */
@Command(name = "study", description = "Set up a blinded study, send coder packages, merge what comes back.",
        subcommands = {StudyInitCommand.class, StudyCommand.Assign.class, StudyPackageCommand.class,
                StudyCommand.Merge.class, StudyCommand.Status.class, StudyResultsCommands.Agreement.class,
                StudyResultsCommands.Fidelity.class, StudyResultsCommands.Unblind.class,
                StudyResultsCommands.Export.class})
final class StudyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "assign", description = "Give every recording to one coder (balanced), a random share also to"
            + " a second coder (balanced over pairs), each coder in their own random order — reproducible from the seed.")
    static final class Assign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--coders", required = true, split = ",", paramLabel = "a,b,c",
                description = "The coders' names, separated by commas.")
        List<String> coders;

        @Option(names = "--double-code", defaultValue = "0", paramLabel = "SHARE",
                description = "Share of recordings also coded by a second coder, 0..1 (default ${DEFAULT-VALUE}).")
        double share;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed (a whole number).")
        long seed;

        @Override
        public Integer call() {
            List<String> names = coders.stream().map(String::strip).toList();
            CoderNames.check(names); // before the study is opened: nothing is stored for a refused name
            try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
                List<String> ids = study.recordings().stream().map(r -> r.id()).toList();
                List<Assignment> assignments;
                try {
                    assignments = Assigner.assign(ids, names, share, seed);
                } catch (IllegalArgumentException e) {
                    throw EarmarkException.badInput(e.getMessage());
                }
                study.assign(names, assignments, "coders " + names + ", double-coded share " + share + ", seed " + seed);
                PrintWriter out = spec.commandLine().getOut();
                long doubled = assignments.stream().filter(a -> a.role().equals("second")).count();
                out.printf("%d recordings assigned to %d coders; %d double-coded (seed %d)%n", ids.size(), names.size(),
                        doubled, seed);
                for (String coder : names) {
                    long n = assignments.stream().filter(a -> a.coder().equals(coder)).count();
                    out.printf("  %-12s %d recordings%n", coder, n);
                }
            }
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "merge", description = "Merge returned coder files into the study. Checks study, codebook and"
            + " audio; merging the same file again changes nothing; the latest change to each event wins.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CODERFILE",
                description = "Coder files (.earmark) sent back by the coders; only read, never changed.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
                for (Path file : files) {
                    MergeReport report = Merger.merge(study, file);
                    out.printf("%s: coder %s — %d new, %d changed, %d unchanged events%n", file, report.coder(),
                            report.added(), report.updated(), report.unchanged());
                    for (MergeReport.RecordingMerge r : report.recordings()) {
                        out.printf("  %-8s %4d new %4d changed %4d unchanged   %4d events now%n", r.recordingId(),
                                r.added(), r.updated(), r.unchanged(), r.liveEvents());
                    }
                }
            }
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "status", description = "Recordings, coders, assignments, what has come back, progress.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            StudyStatus status;
            try (StudyFile study = StudyFolder.openReadOnly(dir, Clock.systemUTC())) {
                status = StudyStatus.of(study);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(status));
                return Failures.EXIT_OK;
            }
            out.printf("Study %s (%s): %d recordings, coders %s%n", status.name(), status.studyId(),
                    status.recordings().size(), status.coders());
            for (StudyStatus.CoderProgress p : status.progress()) {
                out.printf("  %-12s %3d assigned  %-16s %s  %d done%n", p.coder(), p.assigned(),
                        p.packaged() ? "package sent" : "no package yet",
                        p.lastMerge() == null ? "not merged yet" : "merged " + p.lastMerge(), p.done());
            }
            out.printf("%n  %-8s %9s  %s%n", "id", "duration", "events by coder");
            for (StudyStatus.RecordingStatusRow r : status.recordings()) {
                out.printf("  %-8s %9s  %s%n", r.id(), TimeFormat.duration(r.durationMs()),
                        r.coders().isEmpty() ? "not assigned" : r.events().toString());
            }
            return Failures.EXIT_OK;
        }

        static String toJson(StudyStatus status) throws Exception {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("study_id", status.studyId());
            root.put("name", status.name());
            ArrayNode coders = root.putArray("coders");
            status.coders().forEach(coders::add);
            ArrayNode recordings = root.putArray("recordings");
            for (StudyStatus.RecordingStatusRow r : status.recordings()) {
                ObjectNode node = recordings.addObject();
                node.put("id", r.id());
                node.put("duration_s", r.durationMs() / 1000.0);
                ArrayNode rc = node.putArray("coders");
                r.coders().forEach(rc::add);
                ObjectNode events = node.putObject("events");
                r.events().forEach(events::put);
            }
            ArrayNode progress = root.putArray("progress");
            for (StudyStatus.CoderProgress p : status.progress()) {
                ObjectNode node = progress.addObject();
                node.put("coder", p.coder());
                node.put("assigned", p.assigned());
                node.put("package_sent", p.packaged());
                node.put("last_merge", p.lastMerge());
                node.put("done", p.done());
            }
            return mapper.writeValueAsString(root);
        }
    }

}

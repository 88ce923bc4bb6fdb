package org.earmark.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.io.EventCsv;
import org.earmark.io.elan.ElanInterchange;
import org.earmark.io.interchange.ImportOptions;
import org.earmark.io.interchange.ImportPlan;
import org.earmark.io.praat.PraatInterchange;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark codes …}: a coder file's events from and to other tools. */
@Command(name = "codes", description = "Add, import and export a coder file's events.",
        subcommands = {CodesCommand.Add.class, CodesCommand.Import.class, CodesCommand.Export.class})
final class CodesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Read lines recording,code,start_s[,end_s[,note]] and commit each one;"
            + " prints 'saved <event-id>' after each commit, or 'error <line>: <reason>' and goes on."
            + " Exits 2 if any line was refused.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CODERFILE", description = "An Earmark coder file (.earmark).")
        Path file;

        @Option(names = "--stdin", required = true, description = "Read the lines from standard input.")
        boolean stdin;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int refused = 0;
            try (CoderFile coderFile = CoderFile.open(file);
                 BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (number == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank() || (number == 1 && line.startsWith("recording,"))) {
                        continue;
                    }
                    try {
                        NewEvent request = EventCsv.parseLine(line);
                        Event saved = coderFile.add(request);
                        out.println("saved " + saved.id());
                    } catch (EarmarkException e) {
                        if (e.kind() != EarmarkException.Kind.BAD_INPUT) {
                            throw e; // a disk failure stops the run: later lines would fail the same way
                        }
                        refused++;
                        out.println("error " + number + ": " + e.getMessage());
                    }
                    out.flush();
                }
            }
            return refused == 0 ? Failures.EXIT_OK : Failures.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "import", description = "Import events in one step — all of them, or none if any is bad — from"
            + " CSV (recording,code,start_s,end_s,note), ELAN (.eaf) or Praat (.TextGrid): one tier per code.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CODERFILE", description = "An Earmark coder file (.earmark).")
        Path file;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--csv", required = true, paramLabel = "F", description = "A CSV file.")
            Path csv;

            @Option(names = "--eaf", required = true, paramLabel = "F", description = "An ELAN file.")
            Path eaf;

            @Option(names = "--textgrid", required = true, paramLabel = "F", description = "A Praat TextGrid.")
            Path textgrid;
        }

        @Option(names = "--recording", paramLabel = "ID",
                description = "The recording the ELAN/Praat file is for (default: from its name or media link).")
        String recording;

        @Option(names = "--skip-unknown-tiers", description = "Ignore tiers that name no code instead of refusing.")
        boolean skipUnknownTiers;

        @Override
        public Integer call() {
            Path from = source.csv != null ? source.csv : source.eaf != null ? source.eaf : source.textgrid;
            ImportOptions options = new ImportOptions(recording, skipUnknownTiers);
            // Read and checked first with the coder file opened read-only: an import refused (a bad line, a damaged
            // coder file) leaves it byte-identical; only what will be added opens it for writing.
            ImportPlan plan;
            try (CoderFile coderFile = CoderFile.openReadOnly(file)) {
                List<NewEvent> events = source.csv != null ? EventCsv.read(source.csv)
                        : source.eaf != null ? ElanInterchange.read(coderFile, source.eaf, options)
                        : PraatInterchange.read(coderFile, source.textgrid, options);
                plan = ImportPlan.of(coderFile, events);
            }
            List<Event> saved = List.of();
            if (!plan.added().isEmpty()) {
                try (CoderFile coderFile = CoderFile.open(file)) {
                    saved = coderFile.addAll(plan.added(), from.getFileName().toString());
                }
            }
            spec.commandLine().getOut().printf("imported %d event%s from %s into %s%s%n", saved.size(),
                    saved.size() == 1 ? "" : "s", from, file,
                    plan.present() == 0 ? "" : " (" + plan.present() + " of its events " + (plan.present() == 1
                            ? "was" : "were") + " in the coder file already and left out)");
            return Failures.EXIT_OK;
        }
    }

    @Command(name = "export", description = "Export a coder file's events (deleted ones left out).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CODERFILE", description = "An Earmark coder file (.earmark).")
        Path file;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "csv, eaf (ELAN) or textgrid (Praat)")
        String format;

        @Option(names = "--out", required = true, paramLabel = "P", description = "The file to write; for eaf and"
                + " textgrid a folder (one file per recording), or a file when the coder file has one recording.")
        Path out;

        @Override
        public Integer call() {
            if (format.equals("eaf") || format.equals("textgrid")) {
                List<Path> written;
                // Read-only as for CSV: an export that is refused (or succeeds) leaves the coder file as it was.
                try (CoderFile coderFile = CoderFile.openReadOnly(file)) {
                    written = format.equals("eaf") ? ElanInterchange.export(coderFile, out)
                            : PraatInterchange.export(coderFile, out);
                }
                written.forEach(p -> spec.commandLine().getOut().println("wrote " + p));
                return Failures.EXIT_OK;
            }
            if (!format.equals("csv")) {
                throw EarmarkException.badInput("Unknown export format \"" + format + "\"; use csv, eaf or textgrid");
            }
            List<Event> events;
            try (CoderFile coderFile = CoderFile.openReadOnly(file)) {
                events = coderFile.recordings().stream().flatMap(r -> coderFile.events(r.id()).stream()).toList();
            }
            EventCsv.writeFile(events, out, file);
            spec.commandLine().getOut().printf("wrote %d events to %s%n", events.size(), out);
            return Failures.EXIT_OK;
        }
    }
}

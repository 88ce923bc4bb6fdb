package org.earmark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.earmark.core.Failures;
import org.earmark.core.Progress;
import org.earmark.storage.StudyFile;
import org.earmark.study.StudyInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark study init}: a new blinded study from audio files and an allocation key. */
@Command(name = "init", description = "Create a study: copy each recording into DIR/audio as R-XXXX with its"
        + " metadata removed, and keep the allocation key (A.csv) only in the study file. Originals are only read.")
final class StudyInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A new folder for the study.")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "AUDIO", description = "WAV, MP3 or M4A recordings.")
    List<Path> audio;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The study's name (coders see it).")
    String name;

    @Option(names = "--codebook", required = true, paramLabel = "FILE", description = "Codebook JSON file.")
    Path codebook;

    @Option(names = "--allocation", required = true, paramLabel = "A.csv",
            description = "Allocation key: a header with a 'file' column plus any others (arm, team, ...).")
    Path allocation;

    @Override
    public Integer call() {
        try (StudyFile study = StudyInitializer.init(new StudyInitializer.Request(dir, name, codebook, allocation,
                audio), Clock.systemUTC(), Progress.NONE)) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Study \"%s\" created in %s (%s)%n", study.name(), dir, study.id());
            out.printf("  %d recordings anonymised into %s; codebook %s%n", study.recordings().size(),
                    dir.resolve("audio"), study.codebook());
            out.printf("  next: earmark study assign %s --coders a,b --double-code 0.3 --seed 1%n",
                    Cli.quoted(dir.toString()));
        }
        return Failures.EXIT_OK;
    }
}

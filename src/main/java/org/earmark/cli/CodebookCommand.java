package org.earmark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookException;
import org.earmark.codebook.CodebookLoader;
import org.earmark.codebook.CodebookProblem;
import org.earmark.core.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark codebook …}: work with codebook files. */
@Command(name = "codebook", description = "Check codebook files.", subcommands = CodebookCommand.Check.class)
final class CodebookCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Validate a codebook and print every problem with its JSON path and line."
            + " Exit 0 if it is valid, 1 if it has problems.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Codebook JSON file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Codebook codebook = CodebookLoader.load(file);
                out.printf("%s: ok — %s version %s, %d codes, %d ratings, %d metrics%n", file, codebook.id(),
                        codebook.version(), codebook.codes().size(), codebook.ratings().size(),
                        codebook.metrics().size());
                out.printf("hash %s%n", codebook.hash());
                return Failures.EXIT_OK;
            } catch (CodebookException e) {
                for (CodebookProblem problem : e.problems()) {
                    out.println(file + ": " + problem);
                }
                out.printf("%d problem%s found.%n", e.problems().size(), e.problems().size() == 1 ? "" : "s");
                return Failures.EXIT_PROBLEMS_FOUND;
            }
        }
    }
}

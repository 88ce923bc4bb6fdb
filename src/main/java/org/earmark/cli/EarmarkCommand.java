package org.earmark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code earmark} command; every subcommand is a small class of its own. Its attributes, among them
 * {@code --help} and {@code --version}, are inherited by every subcommand: a mistyped command says "Try 'earmark
 * study export --help'", which must then work.
 */
@Command(name = "earmark",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Blind coding of audio-recorded sessions: codebooks, coder files, agreement and fidelity.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {
                CodebookCommand.class,
                InfoCommand.class,
                OpenCommand.class,
                CodesCommand.class,
                StudyCommand.class,
                BenchCommand.class,
                ReliabilityCommand.class,
        })
public final class EarmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of failures (for bug reports).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package org.earmark.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.earmark.core.Failures;
import picocli.CommandLine;

/** Runs the command line; the only place where exceptions become messages on stderr and exit codes. */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A path from the command line. Under a non-UTF-8 locale (LANG unset, as in some containers) Java cannot
     * represent a name like "é.earmark"; picocli would show the InvalidPathException itself.
     */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("cannot use the path '" + text + "': it has characters that"
                    + " this system's language setting (" + System.getProperty("sun.jnu.encoding", "?") + ") cannot"
                    + " represent. Set a UTF-8 locale, e.g. LANG=C.UTF-8, or rename the file.");
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        EarmarkCommand root = new EarmarkCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(Path.class, Cli::path);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Failure failure = Failures.describe(ex);
            commandLine.getErr().println("earmark: " + failure.message());
            if (root.debug || failure.unexpected()) {
                if (root.debug) {
                    ex.printStackTrace(commandLine.getErr());
                }
            }
            return failure.exitCode();
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("earmark: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return Failures.EXIT_BAD_INPUT;
        });
        return cli;
    }
}

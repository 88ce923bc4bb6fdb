package org.earmark.cli;

import java.io.PrintWriter;
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

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        EarmarkCommand root = new EarmarkCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
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

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

    /**
     * What to say when the one argument given is neither a command nor a file the app opens (a coder file or package
     * opens in the app before the command line is reached) but names something that exists: a double-click on an
     * audio file, or a study folder dragged onto the launcher. Picocli would say "Unmatched argument at index 0".
     */
    private static String notACommand(String arg) {
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            return null;
        }
        if (arg.startsWith("-") || !java.nio.file.Files.exists(path)) {
            return null;
        }
        if (java.nio.file.Files.isDirectory(path)) {
            return java.nio.file.Files.isRegularFile(org.earmark.study.StudyFolder.studyFile(path))
                    ? arg + " is a study folder: open it in the app with File ▸ Open study folder…, or use the study"
                            + " commands on it (for example 'earmark study status " + quoted(arg) + "')."
                    : arg + " is a folder, not an Earmark file. Give a coder file (.earmark) or package"
                            + " (.earmark-package) to open it, or see 'earmark --help' for the commands.";
        }
        return arg + " is not a coder file (.earmark) or package (.earmark-package), which is what the app opens."
                + " To code recordings of your own, use File ▸ New from audio files… in the app; for the commands,"
                + " see 'earmark --help'.";
    }

    /** A path as the shell wants it on a command line shown to copy. */
    static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:@%+=,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
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
            String notACommand = c == cli && args.length == 1 ? notACommand(args[0]) : null;
            if (notACommand != null) {
                c.getErr().println("earmark: " + notACommand);
                return Failures.EXIT_BAD_INPUT;
            }
            c.getErr().println("earmark: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return Failures.EXIT_BAD_INPUT;
        });
        return cli;
    }
}

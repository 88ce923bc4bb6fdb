package org.earmark.robustness;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.earmark.cli.Cli;

/** The command line run in this JVM ({@link Cli#run}), as fast as a call, with what it printed. */
record Run(int exitCode, String out, String err) {

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + UserSees.abbreviate(out) + "--- err\n" + UserSees.abbreviate(err);
    }
}

package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** One case of the sweep: run the command line on a bad input and check what the user gets. */
final class Sweep {

    private Sweep() {
    }

    /**
     * Runs {@code args} in-process and expects a refusal: non-zero, not 70, one {@code earmark: …} line naming
     * {@code named} on stderr, no stack trace — and {@code input} byte for byte as it was.
     */
    static Run refusedNaming(Path input, String named, String... args) {
        String before = Fixture.sha256(input);
        Run run = Run.cli(args);
        String context = "earmark " + String.join(" ", Arrays.asList(args));
        UserSees.clearFailure(run.exitCode(), run.err(), List.of(named), context);
        UserSees.noTrace(run.out(), context);
        assertEquals(before, Fixture.sha256(input), input + " is unchanged by " + context);
        return run;
    }

    /** The same, where naming {@code input} by its path or by its name is right. */
    static Run refused(Path input, String... args) {
        String before = Fixture.sha256(input);
        Run run = Run.cli(args);
        String context = "earmark " + String.join(" ", Arrays.asList(args));
        UserSees.clearFailure(run.exitCode(), run.err(), List.of(input.toString(), input.getFileName().toString()),
                context);
        UserSees.noTrace(run.out(), context);
        assertEquals(before, Fixture.sha256(input), input + " is unchanged by " + context);
        return run;
    }

    /**
     * Runs {@code args}; a damaged input may still be usable (a flipped bit in free space), so success is fine —
     * but a failure must be a clear refusal that left {@code input} as it was.
     */
    static Run refusedOrFine(Path input, List<String> named, String... args) {
        String before = Fixture.sha256(input);
        Run run = Run.cli(args);
        String context = "earmark " + String.join(" ", Arrays.asList(args));
        UserSees.noTrace(run.err() + run.out(), context + "\n" + run);
        if (run.exitCode() != 0) {
            UserSees.clearFailure(run.exitCode(), run.err(), named, context);
            assertEquals(before, Fixture.sha256(input), input + " is unchanged by " + context + "\n" + run);
        }
        return run;
    }
}

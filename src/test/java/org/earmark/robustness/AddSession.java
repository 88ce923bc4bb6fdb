package org.earmark.robustness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * {@code earmark codes add FILE --stdin} in a child JVM, fed lines without a pause until it ends by itself;
 * something can be done to its file after a number of acknowledgements.
 */
final class AddSession {

    /** How it ended: the exit code, the ids it acknowledged, its other output lines and its stderr. */
    record Outcome(int exitCode, Set<String> saved, List<String> otherOutput, String stderr) {
    }

    private AddSession() {
    }

    static Outcome run(Path scratch, Path file, LongFunction<String> line, int actAfter, Action action)
            throws Exception {
        Process child = Child.earmark(scratch, List.of("codes", "add", file.toString(), "--stdin")).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        Thread feeder = new Thread(() -> {
            try (OutputStream in = child.getOutputStream()) {
                for (long i = 0; ; i++) {
                    in.write((line.apply(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            } catch (IOException childGone) {
                // it ended
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        Set<String> saved = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String l;
            while ((l = out.readLine()) != null) {
                if (l.startsWith("saved ")) {
                    saved.add(l.substring(6));
                    if (saved.size() == actAfter && action != null) {
                        action.run();
                    }
                } else {
                    other.add(l);
                }
            }
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("codes add on " + file + " did not end");
        }
        return new Outcome(child.exitValue(), saved, other, stderr.get(30, TimeUnit.SECONDS));
    }

    /** Something done to the file while the child has it open. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}

package org.earmark.storage;

import java.nio.file.Path;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/**
 * A child process for crash tests: tags events as fast as it can and prints {@code saved <id>}
 * only after each tag's commit has returned, exactly as the app shows "saved".
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        try (CoderFile f = CoderFile.exists(file) ? CoderFile.open(file) : TestFiles.create(file)) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 0; ; i++) {
                Event e = f.add(new NewEvent("R-7Q3K", i % 2 == 0 ? "OFQ" : "TASK", (i * 37) % 600_000, null,
                        "tag " + i));
                System.out.println("saved " + e.id());
                System.out.flush();
            }
        }
    }
}

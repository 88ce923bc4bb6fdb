package org.earmark.storage;

import java.nio.file.Path;
import java.time.Clock;
import org.earmark.model.NewEvent;

/** A child process for the backup crash test: backs up its coder file in a loop, tagging in between. */
public final class BackupWriter {
    private BackupWriter() {
    }

    public static void main(String[] args) {
        try (CoderFile f = CoderFile.open(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 0; ; i++) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", i % 600_000));
                Backups.Backup b = Backups.backUp(f.database(), 4, Clock.systemUTC());
                System.out.println("backed up " + b.file().getFileName());
                System.out.flush();
            }
        }
    }
}

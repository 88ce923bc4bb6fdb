package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the same file twice (a retry, a file sent twice) must not double the coding. */
class CodesImportTwiceTest {

    @TempDir
    Path dir;

    @Test
    void eventsAlreadyInTheFileAreLeftOutAndCounted() throws Exception {
        Path coderFile = dir.resolve("ann.earmark");
        String recording;
        try (CoderFile f = TestFiles.create(coderFile)) {
            recording = f.recordings().get(0).id();
        }
        Path csv = Files.writeString(dir.resolve("events.csv"), "recording,code,start_s,end_s,note\n"
                + recording + ",OFQ,1.5,,\n" + recording + ",TASK,2,,a note\n");
        CliRun first = CliRun.of("codes", "import", coderFile.toString(), "--csv", csv.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().startsWith("imported 2 events"), first.toString());

        CliRun again = CliRun.of("codes", "import", coderFile.toString(), "--csv", csv.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("imported 0 events") && again.out().contains("(2 of its events were in the"
                + " coder file already and left out)"), again.toString());

        Files.writeString(csv, "recording,code,start_s,end_s,note\n" + recording + ",OFQ,1.5,,\n"
                + recording + ",OFQ,3,,\n");
        CliRun more = CliRun.of("codes", "import", coderFile.toString(), "--csv", csv.toString());
        assertTrue(more.out().contains("imported 1 event from") && more.out().contains("(1 of its events was in"),
                more.toString());
        try (CoderFile f = CoderFile.open(coderFile)) {
            assertEquals(3, f.events(recording).size());
        }
    }
}

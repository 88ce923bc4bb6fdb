package org.earmark.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;

/**
 * Makes the coder file of the README screenshot: a one-minute speech recording with ten events.
 * Run with the test classpath: {@code DemoFile DIR}; prints the coder file's path.
 */
public final class DemoFile {

    private DemoFile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/demo"));
        Path file = dir.resolve("ann.earmark");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("R-7Q3K.wav"));
        TestCoderFiles.withSpeech(dir, "ann.earmark", 60);
        try (CoderFile f = CoderFile.open(file)) {
            f.add(NewEvent.point("R-7Q3K", "OFQ", 3_400));
            f.add(new NewEvent("R-7Q3K", "CASE", 1_200, 41_800L, ""));
            f.add(new NewEvent("R-7Q3K", "OFQ", 8_900, null, "how will we know"));
            f.add(NewEvent.point("R-7Q3K", "RISK", 12_300));
            f.add(NewEvent.point("R-7Q3K", "TASK", 17_600));
            f.add(NewEvent.point("R-7Q3K", "REFL", 22_100));
            f.add(new NewEvent("R-7Q3K", "OFQ", 27_500, null, "what would be different for Amy"));
            f.add(NewEvent.point("R-7Q3K", "OTHQ", 31_000));
            f.add(NewEvent.point("R-7Q3K", "RISK", 35_800));
            f.add(NewEvent.point("R-7Q3K", "TASK", 39_400));
            f.setRating("R-7Q3K", "outcome_focus", 4);
            f.setStatus("R-2MXD", org.earmark.model.RecordingStatus.DONE);
        }
        System.out.println(file.toAbsolutePath());
    }
}

package org.earmark.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;

/**
 * A coder in a child process: tags through the session and its save queue in quick bursts, and
 * prints "saved ID" for every event the saved indicator has covered (no write pending), exactly
 * when the UI would show "Saved". The parent kills it with SIGKILL.
 */
public final class TaggingChild {

    private TaggingChild() {
    }

    public static void main(String[] args) throws Exception {
        CoderFile file = CoderFile.open(Path.of(args[0]));
        ExecutorService ui = Executors.newSingleThreadExecutor();
        SaveQueue queue = SaveQueue.start(file, ui, Clock.systemUTC());
        List<UUID> shown = new ArrayList<>();
        List<UUID> tagged = new ArrayList<>();
        queue.setListener(status -> {
            if (!status.saving() && status.lastSaved() != null) {
                synchronized (tagged) {
                    for (UUID id : tagged.subList(shown.size(), tagged.size())) {
                        System.out.println("saved " + id);
                        shown.add(id);
                    }
                }
                System.out.flush();
            }
        });
        CodingSession session = new CodingSession(queue, file.codebook(), file.recording("R-7Q3K"),
                file.events("R-7Q3K"), Map.of(), RecordingStatus.IN_PROGRESS, Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        for (long i = 0; ; i++) {
            UUID id = session.press(i % 2 == 0 ? "OFQ" : "RISK", (i * 137) % 600_000).id();
            synchronized (tagged) {
                tagged.add(id);
            }
            Thread.sleep(i % 4 == 0 ? 15 : 0); // bursts of four presses, then a breath for the queue to drain
        }
    }
}

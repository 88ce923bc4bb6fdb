package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.earmark.model.Event;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL right after tags were shown as saved — 100 times, at random moments, through the session
 * and save queue the app uses: every tag shown as saved is in the file on reopen, and the file is intact.
 */
class SavedMeansDurableTest {

    @TempDir
    Path dir;

    @Test
    void whatTheIndicatorShowedAsSavedSurvivesSigkill() throws Exception {
        Path file = dir.resolve("kill.earmark");
        TestFiles.create(file).close();
        Set<UUID> shownSaved = new HashSet<>();
        java.util.Random random = new java.util.Random(Long.getLong("earmark.crashSeed", 20261123));
        int rounds = Integer.getInteger("earmark.appCrashKills", 100);
        int expected = 0;
        for (int round = 0; round < rounds; round++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    TaggingChild.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // A watchdog, so that a child that never reports cannot hang the build.
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(child::destroyForcibly);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine());
                int killAfter = 1 + random.nextInt(40);
                expected += killAfter;
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        shownSaved.add(UUID.fromString(line.substring(6)));
                        if (--killAfter == 0) {
                            child.destroyForcibly(); // SIGKILL, straight after "Saved" was shown
                            break;
                        }
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), "after kill " + (round + 1));
            }
            try (CoderFile reopened = CoderFile.open(file)) {
                Set<UUID> stored = new HashSet<>();
                for (Event e : reopened.events("R-7Q3K")) {
                    stored.add(e.id());
                }
                Set<UUID> lost = new HashSet<>(shownSaved);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "tags shown as saved but not in the file after SIGKILL");
            }
        }
        assertTrue(shownSaved.size() >= expected, "the children tagged: " + shownSaved.size());
    }
}

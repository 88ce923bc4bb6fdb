package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.earmark.core.EarmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coder's machine dies mid-session: everything acknowledged is there afterwards, and the file is intact. */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    void sigkillAfterAcknowledgedWritesLosesNothing() throws Exception {
        Path file = dir.resolve("crash.earmark");
        Random random = new Random(42);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            Process child = startWriter(file);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine(), "child started");
                if (round == 0) {
                    EarmarkException busy = org.junit.jupiter.api.Assertions.assertThrows(EarmarkException.class,
                            () -> CoderFile.open(file), "a second process is refused while the first has it open");
                    assertEquals(EarmarkException.Kind.FILE_IN_USE, busy.kind());
                    assertTrue(busy.getMessage().contains(file.toString()), busy.getMessage());
                }
                int killAfter = 20 + random.nextInt(200);
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        acknowledged.add(line.substring(6));
                        if (--killAfter == 0) {
                            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
                            break;
                        }
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "the child was killed, not ended");
            assertIntactAndHolds(file, acknowledged);
        }
    }

    private static Process startWriter(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void assertIntactAndHolds(Path file, Set<String> acknowledged) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM events")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertTrue(missing.isEmpty(), missing.size() + " acknowledged events are missing");
        }
        try (CoderFile reopened = CoderFile.open(file)) {
            assertTrue(reopened.events("R-7Q3K").size() >= acknowledged.size());
        }
    }
}

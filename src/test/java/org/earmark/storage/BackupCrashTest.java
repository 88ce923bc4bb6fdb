package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.earmark.model.NewEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while it writes a backup leaves no partial backup that {@link Backups#list} would offer. */
class BackupCrashTest {

    @TempDir
    Path dir;

    @Test
    void killedInTheMiddleOfBackupsLeavesOnlyCompleteOnes() throws Exception {
        Path file = dir.resolve("big.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            List<NewEvent> many = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                many.add(new NewEvent("R-7Q3K", "OFQ", i * 10L, null, "a note long enough to make the file big " + i));
            }
            f.addAll(many, "test"); // a few MB: a backup takes long enough to be cut in the middle
        }
        Random random = new Random(7);
        int cutShort = 0;
        for (int kill = 0; kill < 8; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dslf4j.internal.verbosity=ERROR", "-Dorg.sqlite.tmpdir=" + dir, "-cp",
                    System.getProperty("java.class.path"), BackupWriter.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine());
                int backups = random.nextInt(3);
                for (int i = 0; i < backups; i++) {
                    assertTrue(out.readLine().startsWith("backed up "));
                }
                TimeUnit.MILLISECONDS.sleep(random.nextInt(60));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            try (var files = Files.list(Backups.folder(file))) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(".part"))) {
                    cutShort++;
                }
            }
            for (Backups.Backup b : Backups.list(file)) {
                BackupsTest.assertIntact(b.file());
                assertTrue(BackupsTest.eventIds(b.file()).size() >= 20_000, b.file().toString());
            }
        }
        assertTrue(cutShort > 0, "at least one kill landed inside a backup");
        try (CoderFile f = CoderFile.open(file)) {
            Backups.backUp(f);
        }
        try (var files = Files.list(Backups.folder(file))) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".part")).count(),
                    "the next backup clears what a killed one left");
        }
    }
}

package org.earmark.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling backups of a coder file: valid, complete, rotated, restorable, never half-written. */
class BackupsTest {

    @TempDir
    Path dir;

    @Test
    void aBackupIsAnIntactCoderFileWithEverythingCommitted() throws Exception {
        Path file = dir.resolve("ann.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            Set<String> ids = addEvents(f, 25);
            Backups.Backup b = Backups.backUp(f); // the events are still in the write-ahead log
            assertEquals(Backups.folder(file), b.file().getParent());
            assertTrue(b.file().getFileName().toString().matches(
                    "ann-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z\\.earmark"), b.file().toString());
            assertEquals(".ann.earmark.backups", Backups.folder(file).getFileName().toString());
            assertIntact(b.file());
            assertEquals(ids, eventIds(b.file()));
            assertEquals(List.of(b), Backups.list(file));
            assertEquals(Files.size(b.file()), b.size());
        }
    }

    @Test
    void rotationKeepsTheNewestN() throws Exception {
        Path file = dir.resolve("rot.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            Instant t0 = Instant.parse("2026-11-23T16:42:00Z");
            for (int i = 0; i < 7; i++) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", i * 1000L));
                Backups.backUp(f.database(), 3, Clock.fixed(t0.plusSeconds(60L * i), ZoneOffset.UTC));
            }
            List<Backups.Backup> kept = Backups.list(file);
            assertEquals(List.of(t0.plusSeconds(360), t0.plusSeconds(300), t0.plusSeconds(240)),
                    kept.stream().map(Backups.Backup::takenAt).toList());
            assertEquals(7, eventIds(kept.get(0).file()).size());
            assertEquals(5, eventIds(kept.get(2).file()).size());
            try (var all = Files.list(Backups.folder(file))) {
                assertEquals(3, all.count(), "older backups are deleted, nothing else is left");
            }
        }
    }

    @Test
    void twoBackupsInTheSameMillisecondBothSurvive() {
        Path file = dir.resolve("same.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            Clock fixed = Clock.fixed(Instant.parse("2026-11-23T16:42:00.123Z"), ZoneOffset.UTC);
            Backups.Backup a = Backups.backUp(f.database(), 10, fixed);
            Backups.Backup b = Backups.backUp(f.database(), 10, fixed);
            assertTrue(b.file().getFileName().toString().endsWith("Z-1.earmark"), b.file().toString());
            assertEquals(List.of(b, a), Backups.list(file));
        }
    }

    @Test
    void listShowsOnlyFinishedBackupsAndTheNextBackupClearsLeftovers() throws Exception {
        Path file = dir.resolve("list.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            Backups.Backup real = Backups.backUp(f);
            Path folder = Backups.folder(file);
            Path part = folder.resolve(".list-2026-11-23T16-42-00.000Z.earmark.part");
            Files.write(part, new byte[4096]); // a backup cut short by a crash
            Files.writeString(folder.resolve("notes.txt"), "mine");
            Files.writeString(folder.resolve("list-someday.earmark"), "not a backup name");
            assertEquals(List.of(real), Backups.list(file));
            Backups.backUp(f);
            assertFalse(Files.exists(part), "the leftover of a crashed backup is removed");
            assertTrue(Files.exists(folder.resolve("notes.txt")), "files that are not ours stay");
            assertEquals(2, Backups.list(file).size());
        }
        assertEquals(List.of(), Backups.list(dir.resolve("never-backed-up.earmark")));
    }

    @Test
    void aBackupFromTheVersion3EarmarkIsRestoredUpgradedAndLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("old.earmark");
        Path backup = dir.resolve("old-backup.earmark");
        java.time.Instant t = java.time.Instant.parse("2026-03-01T09:00:00.000Z");
        TestFiles.writeVersion3File(backup, TestFiles.setup(), List.of(new org.earmark.model.Event(
                java.util.UUID.randomUUID(), "R-7Q3K", "OFQ", 1_000, null, "", t, t, false)), t);
        Backups.restore(backup, file);
        assertEquals(4, CoderWorkReader.summarise(file).schemaVersion());
        assertEquals(1, liveEventIds(file).size());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("restoring"))
                    .toList(), "neither the temporary file nor the copy kept when it was upgraded is left");
        }
    }

    @Test
    void restoreRoundTripsAndKeepsTheCurrentFile() throws Exception {
        Path file = dir.resolve("round.earmark");
        Backups.Backup early;
        Set<String> before;
        Set<String> after;
        try (CoderFile f = TestFiles.create(file)) {
            before = addEvents(f, 5);
            early = Backups.backUp(f);
            after = new HashSet<>(before);
            after.addAll(addEvents(f, 7));
            f.delete(f.events("R-7Q3K").get(0).id());
        }
        Optional<Backups.Backup> undo = Backups.restore(early.file(), file);
        assertTrue(undo.isPresent(), "the current file was backed up first");
        assertEquals(before, liveEventIds(file));
        assertEquals(after.size() - 1, liveEventIds(undo.get().file()).size());
        try (CoderFile f = CoderFile.open(file)) {
            assertEquals(5, f.events("R-7Q3K").size());
            assertTrue(f.audit().stream().anyMatch(a -> a.action().equals("restore")
                    && a.detail().contains(early.file().getFileName().toString())), "the restore is in the audit log");
        }
        Backups.restore(undo.get().file(), file); // undo the restore
        assertEquals(after.size() - 1, liveEventIds(file).size());
        assertIntact(file);
        assertFalse(Files.exists(dir.resolve(".round.earmark.restoring")));
    }

    @Test
    void theOldestOfAFullSetCanBeRestoredThoughTheBackupBeforeRestoringRotatesItAway() throws Exception {
        Path file = dir.resolve("full.earmark");
        Instant t0 = Instant.parse("2026-11-23T16:42:00Z");
        try (CoderFile f = TestFiles.create(file)) {
            for (int i = 0; i < Backups.DEFAULT_KEEP; i++) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", i * 1000L));
                Backups.backUp(f.database(), Backups.DEFAULT_KEEP, Clock.fixed(t0.plusSeconds(60L * i), ZoneOffset.UTC));
            }
        }
        Backups.Backup oldest = Backups.list(file).get(Backups.DEFAULT_KEEP - 1);
        Backups.restore(oldest.file(), file);
        assertFalse(Files.exists(oldest.file()), "rotated away by the backup taken before restoring");
        assertEquals(1, liveEventIds(file).size(), "yet what it held is restored");
        assertIntact(file);
    }

    @Test
    void restoreIsRefusedWhileTheFileIsOpenAndChangesNothing() throws Exception {
        Path file = dir.resolve("open.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            addEvents(f, 3);
            Backups.Backup b = Backups.backUp(f);
            addEvents(f, 3);
            byte[] bytes = Files.readAllBytes(file);
            EarmarkException e = assertThrows(EarmarkException.class, () -> Backups.restore(b.file(), file));
            assertEquals(EarmarkException.Kind.FILE_IN_USE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertArrayEquals(bytes, Files.readAllBytes(file));
            assertEquals(6, f.events("R-7Q3K").size());
        }
    }

    @Test
    void restoreRefusesADamagedBackupOrOneOfAnotherFile() throws Exception {
        Path file = dir.resolve("mine.earmark");
        Path other = dir.resolve("other.earmark");
        Backups.Backup foreign;
        try (CoderFile f = TestFiles.create(file); CoderFile o = TestFiles.create(other)) {
            addEvents(f, 2);
            foreign = Backups.backUp(o);
        }
        byte[] bytes = Files.readAllBytes(file);
        EarmarkException e = assertThrows(EarmarkException.class, () -> Backups.restore(foreign.file(), file));
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("backup of another coder file"), e.getMessage());

        Path cut = dir.resolve("cut.earmark");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(foreign.file()), 3000));
        EarmarkException damaged = assertThrows(EarmarkException.class, () -> Backups.restore(cut, file));
        assertEquals(EarmarkException.Kind.BAD_INPUT, damaged.kind());
        assertTrue(damaged.getMessage().startsWith("Cannot restore from " + cut), damaged.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file), "the current file is untouched");
    }

    @Test
    void aDamagedCurrentFileIsKeptAsItWasBeforeItIsReplaced() throws Exception {
        Path file = dir.resolve("broken.earmark");
        Backups.Backup good;
        try (CoderFile f = TestFiles.create(file)) {
            addEvents(f, 4);
            good = Backups.backUp(f);
        }
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(file), 5000);
        Files.write(file, damaged);
        assertEquals(Optional.empty(), Backups.restore(good.file(), file));
        assertEquals(4, liveEventIds(file).size());
        try (var kept = Files.list(Backups.folder(file))) {
            List<Path> copies = kept.filter(p -> p.getFileName().toString().endsWith(".damaged.earmark")).toList();
            assertEquals(1, copies.size());
            assertArrayEquals(damaged, Files.readAllBytes(copies.get(0)));
        }
    }

    @Test
    void openingBacksUpOnlyWhenSomethingChanged() throws Exception {
        Path file = dir.resolve("open-backup.earmark");
        TestFiles.create(file).close();
        try (CoderFile f = CoderFile.open(file)) {
            assertEquals(Optional.empty(), f.backupProblem());
        }
        assertEquals(1, Backups.list(file).size(), "the first open backs up");
        CoderFile.open(file).close();
        CoderFile.open(file).close();
        assertEquals(1, Backups.list(file).size(), "opening again without a change adds none");
        try (CoderFile f = CoderFile.open(file)) {
            addEvents(f, 1);
        }
        try (CoderFile f = CoderFile.open(file)) {
            assertEquals(1, eventIds(Backups.list(file).get(0).file()).size(), "the backup at open holds the change");
        }
        assertEquals(2, Backups.list(file).size());
    }

    @Test
    void aBackupThatCannotBeWrittenDoesNotStopTheFileOpening() throws Exception {
        Path file = dir.resolve("nofolder.earmark");
        TestFiles.create(file).close();
        Files.writeString(Backups.folder(file), "a file where the folder should be");
        try (CoderFile f = CoderFile.open(file)) {
            assertTrue(f.backupProblem().isPresent());
            assertEquals(EarmarkException.Kind.IO, f.backupProblem().get().kind());
            assertTrue(f.backupProblem().get().getMessage().contains(file.toString()));
            addEvents(f, 1);
        }
    }

    @Test
    void theScheduleBacksUpChangesAndEndsWhenTheFileCloses() throws Exception {
        Path file = dir.resolve("sched.earmark");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> schedule;
            try (CoderFile f = TestFiles.create(file)) {
                List<EarmarkException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
                schedule = Backups.schedule(f, executor, Duration.ofMillis(40), failures::add);
                Thread.sleep(200);
                assertEquals(0, Backups.list(file).size(), "nothing changed, nothing backed up");
                addEvents(f, 3);
                waitFor(() -> !Backups.list(file).isEmpty()
                        && eventIds(Backups.list(file).get(0).file()).size() == 3);
                int made = Backups.list(file).size();
                Thread.sleep(200);
                assertEquals(made, Backups.list(file).size(), "no new backup without a change");
                assertEquals(List.of(), failures);
            }
            waitFor(schedule::isDone);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void backingUpAClosedFileByPathChangesNothingAndIsRefusedWhileItIsOpen() throws Exception {
        Path file = dir.resolve("bypath.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            addEvents(f, 2);
            EarmarkException busy = assertThrows(EarmarkException.class, () -> Backups.backUp(file));
            assertEquals(EarmarkException.Kind.FILE_IN_USE, busy.kind());
        }
        byte[] bytes = Files.readAllBytes(file);
        Backups.Backup b = Backups.backUp(file);
        assertEquals(2, eventIds(b.file()).size());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    static Set<String> addEvents(CoderFile f, int n) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Event e = f.add(new NewEvent("R-7Q3K", "OFQ", (f.events("R-7Q3K").size() + i) * 250L, null, "note " + i));
            ids.add(e.id().toString());
        }
        return ids;
    }

    static void assertIntact(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1), file.toString());
        }
        assertEquals(FileKind.CODER_FILE.applicationId(), ((SqliteHeader.Verdict.Sqlite) SqliteHeader.read(file))
                .header().applicationId());
    }

    static Set<String> eventIds(Path file) {
        return CoderWorkReader.read(file).events().stream().map(e -> e.id().toString()).collect(Collectors.toSet());
    }

    static Set<String> liveEventIds(Path file) {
        return CoderWorkReader.read(file).events().stream().filter(e -> !e.deleted()).map(e -> e.id().toString())
                .collect(Collectors.toSet());
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(10);
        }
    }
}

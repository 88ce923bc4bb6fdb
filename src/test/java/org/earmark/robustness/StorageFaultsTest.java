package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.storage.Backups;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up, the file cannot be written, the file is deleted or moved while open: each gives a clear
 * message naming the file, and nothing that was acknowledged as saved is lost.
 *
 * <p>Read-only as root: root ignores permission bits, so {@code chmod 444} proves nothing in CI. What still
 * stops root — and what users meet — is a read-only disk (a tmpfs remounted read-only: EROFS, like a CD, a
 * write-protected stick or a read-only share) and an immutable file or folder ({@code chattr +i}). As another
 * user the permission bits are used instead.
 */
class StorageFaultsTest {

    private static final String BIG_NOTE = "n".repeat(2000);

    @TempDir
    Path dir;

    // ---- disk full

    @Test
    void diskFullStopsCodesAddWithAClearMessageAndLosesNothingAcknowledged() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "512k")) {
            Path file = disk.dir().resolve("coder.earmark");
            TestFiles.create(file).close();
            Path filler = Files.write(disk.dir().resolve("filler"), new byte[64 * 1024]);

            AddSession.Outcome run = AddSession.run(dir, file, i -> "R-7Q3K,OFQ," + i / 10.0 + ",," + BIG_NOTE, -1, null);

            assertEquals(Failures.EXIT_IO, run.exitCode(), run.toString());
            UserSees.clearFailure(run.exitCode(), run.stderr(), file.toString(), "disk full");
            assertTrue(run.stderr().contains("the disk is full"), run.stderr());
            assertTrue(run.saved().size() > 3, "some events were saved before the disk filled: " + run.saved().size());
            assertEquals(List.of(), run.otherOutput(), "no line was refused as bad input");

            Files.delete(filler); // the user frees some space
            Sqlite.assertIntegrityOk(file);
            assertTrue(Sqlite.eventIds(file).containsAll(run.saved()), "every acknowledged event is in the file");
            try (CoderFile f = CoderFile.open(file)) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", 1000)); // and coding goes on
                assertEquals(run.saved().size() + 1, f.events("R-7Q3K").size());
            }
        }
    }

    @Test
    void aFullDiskRefusesOneTagAndTheSameSessionGoesOnOnceThereIsSpace() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "512k")) {
            Path file = disk.dir().resolve("session.earmark");
            Path filler = disk.dir().resolve("filler");
            Set<String> saved = new HashSet<>();
            try (CoderFile f = TestFiles.create(file)) {
                // What the user frees must also hold what closing copies from the write-ahead log into the file:
                // the tags that fit before the disk is full are all still in the log. 64 KiB held it with five pages
                // a tag, but three pages a tag (schema v4) fit more tags into the log and the copy outgrew it.
                Files.write(filler, new byte[128 * 1024]);
                EarmarkException full = null;
                for (int i = 0; i < 10_000 && full == null; i++) {
                    try {
                        saved.add(f.add(new NewEvent("R-7Q3K", "OFQ", i * 10L, null, BIG_NOTE)).id().toString());
                    } catch (EarmarkException e) {
                        full = e;
                    }
                }
                assertTrue(full != null, "the disk filled up");
                assertEquals(EarmarkException.Kind.IO, full.kind());
                assertTrue(full.getMessage().contains(file.toString()) && full.getMessage().contains("disk is full"),
                        full.getMessage());
                assertEquals(saved, ids(f.events("R-7Q3K")), "the refused tag is not there, every other one is");

                Files.delete(filler);
                saved.add(f.add(NewEvent.point("R-7Q3K", "TASK", 5)).id().toString());
                assertEquals(saved, ids(f.events("R-7Q3K")));
            }
            Sqlite.assertIntegrityOk(file);
            assertEquals(saved, Sqlite.eventIds(file));
        }
    }

    @Test
    void aBackupOnAFullDiskFailsClearlyAndLeavesNoPartialBackup() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "4m")) {
            Path file = disk.dir().resolve("backup.earmark");
            try (CoderFile f = TestFiles.create(file)) {
                for (int i = 0; i < 40; i++) {
                    f.add(new NewEvent("R-7Q3K", "OFQ", i * 10L, null, BIG_NOTE));
                }
                Backups.Backup first = Backups.backUp(f);
                long free = Files.getFileStore(disk.dir()).getUsableSpace();
                Files.write(disk.dir().resolve("filler"), new byte[(int) Math.max(0, free - 48 * 1024)]);

                EarmarkException e = assertThrows(EarmarkException.class, () -> Backups.backUp(f));
                assertEquals(EarmarkException.Kind.IO, e.kind());
                assertTrue(e.getMessage().contains("disk is full") || e.getMessage().contains("No space left"),
                        e.getMessage());
                assertTrue(e.getMessage().contains(Backups.folder(file).toString()), e.getMessage());
                assertEquals(List.of(first), Backups.list(file), "no partial backup is listed");
                try (Stream<Path> left = Files.list(Backups.folder(file))) {
                    assertEquals(List.of(first.file()), left.toList(), "nor left behind");
                }
                Files.delete(disk.dir().resolve("filler"));
                f.add(NewEvent.point("R-7Q3K", "TASK", 5)); // the coder file itself was never at risk
            }
            Sqlite.assertIntegrityOk(file);
        }
    }

    @Test
    void anExportOntoAFullDiskLeavesNoHalfWrittenFile() throws Exception {
        Path file = dir.resolve("export.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            for (int i = 0; i < 400; i++) {
                f.add(new NewEvent("R-7Q3K", "OFQ", i * 10L, null, BIG_NOTE));
            }
        }
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "256k")) {
            Path out = disk.dir().resolve("events.csv");
            Run run = Run.cli("codes", "export", file.toString(), "--format", "csv", "--out", out.toString());
            assertEquals(Failures.EXIT_IO, run.exitCode(), run.toString());
            UserSees.clearFailure(run.exitCode(), run.err(), out.toString(), "export to a full disk");
            try (Stream<Path> left = Files.list(disk.dir())) {
                assertEquals(List.of(), left.toList(), "no partial export, no temporary file");
            }
        }
    }

    // ---- read-only

    @Test
    void aCoderFileOnAReadOnlyDiskCanBeReadButNotChangedAndSaysSo() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("read only disk"), "2m")) {
            Path file = disk.dir().resolve("ann.earmark");
            try (CoderFile f = TestFiles.create(file)) {
                f.add(NewEvent.point("R-7Q3K", "OFQ", 1000));
            }
            Path csv = Files.writeString(dir.resolve("more.csv"), "recording,code,start_s,end_s,note\nR-7Q3K,OFQ,2,,\n");
            disk.remountReadOnly();
            byte[] before = Files.readAllBytes(file);

            Run imported = Run.cli("codes", "import", file.toString(), "--csv", csv.toString());
            assertEquals(Failures.EXIT_IO, imported.exitCode(), imported.toString());
            UserSees.clearFailure(imported.exitCode(), imported.err(), file.toString(), "import into a read-only disk");
            assertTrue(imported.err().contains("read-only"), imported.err());

            Run info = Run.cli("info", file.toString());
            assertEquals(0, info.exitCode(), "a read-only coder file can still be read: " + info);
            assertTrue(info.out().contains("events      1 "), info.out());

            EarmarkException open = assertThrows(EarmarkException.class, () -> CoderFile.open(file));
            assertEquals(EarmarkException.Kind.IO, open.kind());
            EarmarkException backup = assertThrows(EarmarkException.class, () -> Backups.backUp(file));
            assertEquals(EarmarkException.Kind.IO, backup.kind());

            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> files = Files.list(disk.dir())) {
                assertEquals(List.of(file), files.toList(), "nothing was written beside it");
            }
        }
    }

    @Test
    void anImmutableFileOrFolderIsRefusedWithAClearMessageAndLeftAsItWas() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("locked"));
        Path file = folder.resolve("ann.earmark");
        TestFiles.create(file).close();
        Path csv = Files.writeString(dir.resolve("more.csv"), "recording,code,start_s,end_s,note\nR-7Q3K,OFQ,2,,\n");
        byte[] before = Files.readAllBytes(file);
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            makeReadOnly(file, root);
            Run run = Run.cli("codes", "import", file.toString(), "--csv", csv.toString());
            assertEquals(Failures.EXIT_IO, run.exitCode(), run.toString());
            UserSees.clearFailure(run.exitCode(), run.err(), file.toString(), "read-only file");
            assertTrue(run.err().contains("is read-only"), run.err());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            makeWritable(file, root);
        }
        try {
            makeReadOnly(folder, root);
            Run run = Run.cli("codes", "import", file.toString(), "--csv", csv.toString());
            assertEquals(Failures.EXIT_IO, run.exitCode(), run.toString());
            UserSees.clearFailure(run.exitCode(), run.err(), folder.toString(), "read-only folder");
            assertTrue(run.err().contains("The folder " + folder + " is read-only"), run.err());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            makeWritable(folder, root);
        }
    }

    /**
     * Reports only read: on a study kept read-only (an archived copy re-analysed for a trial report) agreement,
     * fidelity, status and export work and leave it byte-identical; unblinding, which writes, says it cannot.
     */
    @Test
    void aReadOnlyStudyStillGivesItsReports() throws Exception {
        Fixture fx = Fixture.build(dir.resolve("archive"));
        Path studyFile = fx.studyFile();
        byte[] before = Files.readAllBytes(studyFile);
        boolean root = "root".equals(System.getProperty("user.name"));
        String study = fx.studyDir().toString();
        try {
            makeReadOnly(studyFile, root);
            makeReadOnly(fx.studyDir(), root);
            for (String[] args : List.of(new String[] {"study", "agreement", study},
                    new String[] {"study", "fidelity", study}, new String[] {"study", "status", study},
                    new String[] {"study", "export", study, "--xlsx", dir.resolve("results.xlsx").toString()})) {
                Run run = Run.cli(args);
                assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run);
            }
            assertTrue(Files.size(dir.resolve("results.xlsx")) > 0);
            Run unblind = Run.cli("study", "unblind", study);
            assertEquals(Failures.EXIT_IO, unblind.exitCode(), unblind.toString());
            assertTrue(unblind.err().contains("read-only"), unblind.toString());
            assertArrayEquals(before, Files.readAllBytes(studyFile));
        } finally {
            makeWritable(fx.studyDir(), root);
            makeWritable(studyFile, root);
        }
    }

    private static void makeReadOnly(Path p, boolean root) throws Exception {
        if (root) {
            String failure = SmallDisk.run("chattr", "+i", p.toString());
            Assumptions.assumeTrue(failure == null, "root ignores permissions and chattr +i failed: " + failure);
        } else {
            String failure = SmallDisk.run("chmod", Files.isDirectory(p) ? "555" : "444", p.toString());
            Assumptions.assumeTrue(failure == null, "chmod failed: " + failure);
        }
    }

    private static void makeWritable(Path p, boolean root) throws Exception {
        SmallDisk.run(root ? "chattr" : "chmod", root ? "-i" : "u+w", p.toString());
    }

    // ---- deleted or moved while open

    @Test
    void aFileDeletedWhileOpenIsWrittenBackAndTheNextTagSaysSo() throws Exception {
        Path file = dir.resolve("deleted.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            Set<String> saved = addSome(f, 5);
            Files.delete(file);
            EarmarkException e = assertThrows(EarmarkException.class, () -> f.add(NewEvent.point("R-7Q3K", "OFQ", 9)));
            assertEquals(EarmarkException.Kind.IO, e.kind());
            Path rescued = rescued(dir, "deleted");
            assertEquals(file + " was moved, renamed or deleted while Earmark had it open (or another file was put in"
                    + " its place), so this change was not saved. Everything saved before is safe in " + rescued
                    + " (a rescued copy); open that file to go on.", e.getMessage());
            assertEquals(saved, Sqlite.eventIds(rescued), "the rescued file holds every saved event, and only those");
            Sqlite.assertIntegrityOk(rescued);
            assertThrows(EarmarkException.class, () -> f.add(NewEvent.point("R-7Q3K", "OFQ", 10)),
                    "later tags are refused too, not written to a file nobody can find");
        } // closing says nothing more: the user was told
        assertFalse(Files.exists(dir.resolve("deleted.earmark-wal")), "the old log cannot meet a new file of that name");
        try (CoderFile again = CoderFile.open(rescued(dir, "deleted"))) {
            assertEquals(5, again.events("R-7Q3K").size());
        }
        // A user who renames the rescued copy back to the old name gets the complete file.
        Files.move(rescued(dir, "deleted"), file);
        assertEquals(5, Sqlite.eventIds(file).size());
        Sqlite.assertIntegrityOk(file);
    }

    private static Path rescued(Path dir, String base) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(base) + "\\.rescued-.*Z\\.earmark")).toList();
            assertEquals(1, found.size(), "one rescued copy: " + found);
            return found.get(0);
        }
    }

    @Test
    void aFileMovedWhileOpenIsRescuedWithWorkTheMovedFileWouldLose() throws Exception {
        Path file = dir.resolve("moved.earmark");
        Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("moved.earmark");
        Set<String> saved;
        try (CoderFile f = TestFiles.create(file)) {
            saved = addSome(f, 4);
            Files.move(file, moved); // only the file; its write-ahead log stays where it was
            EarmarkException e = assertThrows(EarmarkException.class, () -> f.add(NewEvent.point("R-7Q3K", "OFQ", 9)));
            assertTrue(e.getMessage().contains("is safe in " + rescued(dir, "moved")), e.getMessage());
        }
        assertEquals(saved, Sqlite.eventIds(rescued(dir, "moved")));
        // The moved file is intact, but its recent work was in the write-ahead log it left behind: only the
        // rescued copy has it all. (Before this check, every tag since the last checkpoint was lost this way.)
        Sqlite.assertIntegrityOk(moved);
        assertTrue(saved.containsAll(Sqlite.eventIds(moved)));
    }

    @Test
    void aFileReplacedWhileOpenIsNotOverwrittenTheRescueGoesBesideIt() throws Exception {
        Path file = dir.resolve("synced.earmark");
        Path other = dir.resolve("older copy.earmark");
        TestFiles.create(other).close();
        byte[] otherBytes = Files.readAllBytes(other);
        Set<String> saved;
        try (CoderFile f = TestFiles.create(file)) {
            saved = addSome(f, 3);
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // what sync tools do
            EarmarkException e = assertThrows(EarmarkException.class, () -> f.add(NewEvent.point("R-7Q3K", "OFQ", 9)));
            assertTrue(e.getMessage().contains("(a rescued copy)"), e.getMessage());
        }
        assertArrayEquals(otherBytes, Files.readAllBytes(file), "the file put in its place is left alone");
        assertEquals(saved, Sqlite.eventIds(rescued(dir, "synced")));
        Sqlite.assertIntegrityOk(file);
    }

    @Test
    void aFileDeletedAndThenClosedWithoutAnotherTagIsRescuedAtClose() throws Exception {
        Path file = dir.resolve("closing.earmark");
        CoderFile f = TestFiles.create(file);
        Set<String> saved = addSome(f, 6);
        Files.delete(file);
        EarmarkException e = assertThrows(EarmarkException.class, f::close);
        assertTrue(e.getMessage().startsWith(file + " was moved, renamed or deleted while Earmark had it open"),
                e.getMessage());
        assertFalse(e.getMessage().contains("this change was not saved"), e.getMessage());
        assertEquals(saved, Sqlite.eventIds(rescued(dir, "closing")));
    }

    @Test
    void whenTheWholeFolderIsGoneTheRescueGoesToEarmarksOwnFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("project"));
        Path file = folder.resolve("ann.earmark");
        Path home = dir.resolve("earmark home");
        String old = System.setProperty("earmark.home", home.toString());
        try (CoderFile f = TestFiles.create(file)) {
            Set<String> saved = addSome(f, 2);
            Files.move(folder, dir.resolve("project renamed"));
            EarmarkException e = assertThrows(EarmarkException.class, () -> f.add(NewEvent.point("R-7Q3K", "OFQ", 9)));
            Path rescued;
            try (Stream<Path> files = Files.list(home.resolve("rescued"))) {
                rescued = files.filter(p -> p.toString().endsWith(".earmark")).findFirst().orElseThrow();
            }
            assertTrue(e.getMessage().contains("is safe in " + rescued), e.getMessage());
            assertEquals(saved, Sqlite.eventIds(rescued));
        } finally {
            if (old == null) {
                System.clearProperty("earmark.home");
            } else {
                System.setProperty("earmark.home", old);
            }
        }
    }

    @Test
    void codesAddOnAFileDeletedUnderItStopsWithAClearMessageAndKeepsEverySavedEvent() throws Exception {
        Path file = dir.resolve("under codes add.earmark");
        TestFiles.create(file).close();
        AddSession.Outcome run = AddSession.run(dir, file, i -> "R-7Q3K,OFQ," + i / 10.0, 15, () -> Files.delete(file));
        assertEquals(Failures.EXIT_IO, run.exitCode(), run.toString());
        UserSees.clearFailure(run.exitCode(), run.stderr(), file.toString(), "deleted under codes add");
        Path rescued = rescued(dir, "under codes add");
        assertTrue(run.stderr().contains("is safe in " + rescued), run.stderr());
        assertTrue(run.saved().size() >= 15);
        Sqlite.assertIntegrityOk(rescued);
        assertEquals(run.saved(), Sqlite.eventIds(rescued), "every acknowledged event is there, and nothing else");
    }

    private static Set<String> addSome(CoderFile f, int n) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(f.add(NewEvent.point("R-7Q3K", i % 2 == 0 ? "OFQ" : "TASK", 1000L * i)).id().toString());
        }
        return ids;
    }

    private static Set<String> ids(List<Event> events) {
        return events.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
    }
}

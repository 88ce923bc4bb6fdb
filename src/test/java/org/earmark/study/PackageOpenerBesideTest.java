package org.earmark.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a package: unpacked into a folder beside it named after it; a second time, the coding is kept. */
public class PackageOpenerBesideTest {

    @TempDir
    Path dir;

    /** A package as the lead researcher sends it: the coder file at the top (audio beside it, here a stand-in). */
    public static Path makePackage(Path dir, String packageName, String coder) throws Exception {
        Path work = Files.createDirectories(dir.resolve("making-" + coder));
        Path coderFile = work.resolve(coder + ".earmark");
        TestFiles.create(coderFile).close();
        Path pkg = dir.resolve(packageName);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pkg))) {
            zip.putNextEntry(new ZipEntry(coder + ".earmark"));
            Files.copy(coderFile, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("audio/readme.txt"));
            zip.write("audio goes here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return pkg;
    }

    @Test
    void namesPackages() {
        assertTrue(PackageOpener.isPackage(Path.of("ann.earmark-package")));
        assertTrue(PackageOpener.isPackage(Path.of("to ann.ZIP")));
        assertFalse(PackageOpener.isPackage(Path.of("ann.earmark")));
    }

    @Test
    void unpacksBesideThePackageAndNeverOverwritesCodingDoneSince() throws Exception {
        Path pkg = makePackage(dir, "ann.earmark-package", "ann");
        Path coderFile = PackageOpener.unpackBeside(pkg);
        assertEquals(dir.resolve("ann").resolve("ann.earmark").toAbsolutePath(), coderFile);
        assertTrue(Files.exists(dir.resolve("ann/audio/readme.txt")));
        try (CoderFile f = CoderFile.open(coderFile)) {
            f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
        }

        assertEquals(coderFile, PackageOpener.unpackBeside(pkg), "opened again: the same file");
        try (CoderFile f = CoderFile.open(coderFile)) {
            assertEquals(1, f.events("R-7Q3K").size(), "the coding done since is kept");
        }
    }

    @Test
    void aZipIsNamedWithoutItsExtension() throws Exception {
        Path pkg = makePackage(dir, "to bob.zip", "bob");
        assertEquals(dir.resolve("to bob").resolve("bob.earmark").toAbsolutePath(), PackageOpener.unpackBeside(pkg));
    }

    /** A package that is not one left an empty folder beside it; one that fails half-way left half its files. */
    @Test
    void aFailedUnpackLeavesNothingBehind() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.earmark-package"), "not a zip at all");
        org.junit.jupiter.api.Assertions.assertThrows(org.earmark.core.EarmarkException.class,
                () -> PackageOpener.unpackBeside(garbage));
        assertFalse(Files.exists(dir.resolve("garbage")), "no empty folder left");

        Path unsafe = dir.resolve("unsafe.earmark-package");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(unsafe))) {
            zip.putNextEntry(new ZipEntry("audio/R-7Q3K.wav"));
            zip.write(new byte[100]);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("../escape.txt"));
            zip.write(new byte[1]);
            zip.closeEntry();
        }
        Path kept = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(kept.resolve("notes.txt"), "my own file");
        org.junit.jupiter.api.Assertions.assertThrows(org.earmark.core.EarmarkException.class,
                () -> PackageOpener.unpack(unsafe, kept));
        assertFalse(Files.exists(kept.resolve("audio")), "what the unpack made is gone");
        assertEquals("my own file", Files.readString(kept.resolve("notes.txt")), "what was there stays");
        assertFalse(Files.exists(dir.resolve("escape.txt")));
    }
}

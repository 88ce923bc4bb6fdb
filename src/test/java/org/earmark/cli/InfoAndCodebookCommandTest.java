package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import org.earmark.codebook.TestCodebooks;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoAndCodebookCommandTest {

    @TempDir
    Path dir;

    /** A coder package was refused as "not an Earmark coder file: it is a zip archive". */
    @Test
    void infoReadsTheCoderFileInsideAPackageAndLeavesThePackageAsItWas() throws Exception {
        Path pkg = org.earmark.study.PackageOpenerBesideTest.makePackage(dir, "alice.earmark-package", "alice");
        byte[] before = java.nio.file.Files.readAllBytes(pkg);
        CliRun run = CliRun.of("info", pkg.toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, run.exitCode(), run.toString());
        org.junit.jupiter.api.Assertions.assertTrue(run.out().contains("Earmark coder package, holding a coder file")
                && run.out().contains("coder       alice"), run.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(pkg));
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("Earmark "), version.toString());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"codebook", "info", "open"}) {
            assertTrue(help.out().contains(command), "help lists " + command + ":\n" + help.out());
        }
        CliRun unknown = CliRun.of("frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unmatched argument"), unknown.toString());
    }

    @Test
    void codebookCheckPassesTheShippedCodebook() {
        CliRun run = CliRun.of("codebook", "check", "codebook/outcomes-focused-supervision.json");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("ok") && run.out().contains("sha256:"), run.out());
    }

    @Test
    void codebookCheckPrintsOneLinePerProblemWithPathAndExits1() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, TestCodebooks.modified(cb -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) cb.get("codes").get(1)).put("hotkey", "1");
            ((com.fasterxml.jackson.databind.node.ObjectNode) cb.get("codes").get(2)).put("colour", "blue");
            ((com.fasterxml.jackson.databind.node.ArrayNode) cb.get("metrics").get(0).get("codes")).set(0, "OFQX");
        }));
        CliRun run = CliRun.of("codebook", "check", bad.toString());
        assertEquals(1, run.exitCode(), run.toString());
        var problemLines = run.out().lines().filter(l -> l.startsWith(bad.toString())).toList();
        assertEquals(3, problemLines.size(), run.out());
        assertTrue(problemLines.get(0).contains("$.codes[1].hotkey"), problemLines.get(0));
        assertTrue(problemLines.get(1).contains("$.codes[2].colour"), problemLines.get(1));
        assertTrue(problemLines.get(2).contains("$.metrics[0].codes[0]"), problemLines.get(2));
        assertTrue(problemLines.stream().allMatch(l -> l.matches(".*: line \\d+, \\$\\..*")), run.out());
    }

    @Test
    void infoDescribesACoderFile() throws Exception {
        Path file = dir.resolve("alice.earmark");
        try (CoderFile f = TestFiles.create(file)) {
            f.add(NewEvent.point("R-7Q3K", "OFQ", 1_000));
            f.delete(f.add(NewEvent.point("R-7Q3K", "OFQ", 2_000)).id());
        }
        CliRun text = CliRun.of("info", file.toString());
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("Earmark coder file") && text.out().contains("alice")
                && text.out().contains("outcomes-focused-supervision version 1.0.0")
                && text.out().contains("recordings  2") && text.out().contains("events      1 (1 deleted"),
                text.out());
        CliRun json = CliRun.of("info", "--json", file.toString());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals("coder file", node.get("kind").asText());
        assertEquals(1, node.get("events").asInt());
        assertEquals(TestFiles.CODEBOOK.hash(), node.get("codebookHash").asText());
    }

    @Test
    void infoRefusesBadFilesEachWithItsOwnMessageAndLeavesThemUnchanged() throws Exception {
        Path jpeg = dir.resolve("photo.earmark");
        byte[] jpegBytes = new byte[2048];
        jpegBytes[0] = (byte) 0xFF;
        jpegBytes[1] = (byte) 0xD8;
        jpegBytes[2] = (byte) 0xFF;
        Files.write(jpeg, jpegBytes);

        Path truncated = dir.resolve("cut.earmark");
        try (CoderFile f = TestFiles.create(truncated)) {
            for (int i = 0; i < 1500; i++) {
                f.add(new NewEvent("R-7Q3K", "OFQ", i, null, "a note to make the file bigger " + i));
            }
        }
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 3));

        Path newer = dir.resolve("newer.earmark");
        TestFiles.create(newer).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer); var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }

        assertRefused(jpeg, "it is a JPEG image");
        assertRefused(truncated, "is truncated");
        assertRefused(newer, "newer version of Earmark");
        assertEquals(2, CliRun.of("info", dir.resolve("missing.earmark").toString()).exitCode());
    }

    private static void assertRefused(Path file, String fragment) throws Exception {
        byte[] before = Files.readAllBytes(file);
        CliRun run = CliRun.of("info", file.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("earmark: ") && run.err().contains(fragment), run.toString());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertArrayEquals(before, Files.readAllBytes(file), file + " is unchanged");
    }
}

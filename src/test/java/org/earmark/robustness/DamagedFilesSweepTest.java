package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.earmark.core.Failures;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged and wrong SQLite files given to the commands that read them: coder files to {@code info}, {@code codes
 * export|import}, {@code study merge}; study files to {@code study status|agreement|merge|export}. Each damage is
 * seeded and named, so a failing case can be replayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedFilesSweepTest {

    private static final long SEED = 8L;

    @TempDir
    static Path tmp;

    private Fixture fx;
    private byte[] coderBytes;
    private byte[] studyBytes;
    private Path goodCsv;
    private final AtomicInteger stillUsable = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    @BeforeAll
    void build() throws Exception {
        fx = Fixture.build(tmp);
        coderBytes = Files.readAllBytes(fx.coderFile());
        studyBytes = Files.readAllBytes(fx.studyFile());
        String recording = org.earmark.storage.CoderWorkReader.read(fx.coderFile()).recordings().get(0).id();
        goodCsv = Files.writeString(tmp.resolve("good é.csv"), "recording,code,start_s,end_s,note\n"
                + recording + ",OFQ,1.5,,\n");
    }

    @AfterAll
    void summary() {
        System.out.printf("damaged files: %d refused clearly, %d still usable (damage in free space or text)%n",
                refused.get(), stillUsable.get());
    }

    Stream<Damage> coderFileDamage() {
        return Damage.of(coderBytes.length, 4096, SEED, 30, 60, 30).stream();
    }

    Stream<Damage> studyFileDamage() {
        return Damage.of(studyBytes.length, 4096, SEED + 1, 20, 40, 20).stream();
    }

    @ParameterizedTest(name = "coder file, {0}")
    @MethodSource("coderFileDamage")
    void aDamagedCoderFileIsRefusedClearlyAndLeftAsItWas(Damage damage) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("coder " + Fixture.AWKWARD).resolve(damage.name()));
        Path file = dir.resolve("ann é.earmark");
        byte[] bytes = damage.apply().apply(coderBytes);
        String[][] commands = {
            {"info", file.toString()},
            {"codes", "export", file.toString(), "--format", "csv", "--out", dir.resolve("out é.csv").toString()},
            {"codes", "import", file.toString(), "--csv", goodCsv.toString()},
            {"study", "merge", fx.studyDir().toString(), file.toString()},
        };
        for (String[] command : commands) {
            Files.write(file, bytes);
            String study = Fixture.sha256(fx.studyFile());
            Run run = Sweep.refusedOrFine(file, List.of(file.toString()), command);
            count(run);
            if (run.exitCode() != 0 && command[0].equals("study")) {
                assertEquals(study, Fixture.sha256(fx.studyFile()), "a refused merge leaves the study as it was");
            }
        }
    }

    @ParameterizedTest(name = "study file, {0}")
    @MethodSource("studyFileDamage")
    void aDamagedStudyFileIsRefusedClearlyAndLeftAsItWas(Damage damage) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("study " + Fixture.AWKWARD).resolve(damage.name()));
        Path file = dir.resolve("study.earmark-study");
        byte[] bytes = damage.apply().apply(studyBytes);
        String[][] commands = {
            {"study", "status", dir.toString()},
            {"study", "agreement", dir.toString()},
            {"study", "merge", dir.toString(), fx.coderFile().toString()},
            {"study", "export", dir.toString(), "--xlsx", tmp.resolve("out.xlsx").toString()},
        };
        for (String[] command : commands) {
            Files.write(file, bytes);
            // Damage SQLite cannot see (a changed letter in the stored codebook) may show up as the coder file
            // not matching the study: naming either file is right then.
            count(Sweep.refusedOrFine(file, List.of(file.toString(), fx.coderFile().getFileName().toString()), command));
        }
    }

    private void count(Run run) {
        (run.exitCode() == 0 ? stillUsable : refused).incrementAndGet();
    }

    @Test
    void filesThatAreNotCoderFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("foreign " + Fixture.AWKWARD));
        Path other = dir.resolve("someone else's.earmark");
        sql(other, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('hello')");
        Path otherWal = dir.resolve("wal mode.earmark");
        sql(otherWal, "PRAGMA journal_mode = WAL", "CREATE TABLE t (x)");
        Path stripped = dir.resolve("right id, no tables.earmark");
        sql(stripped, "PRAGMA application_id = " + org.earmark.storage.FileKind.CODER_FILE.applicationId(), "PRAGMA user_version = 3", "CREATE TABLE t (x)");
        Path studyAsCoder = Files.copy(fx.studyFile(), dir.resolve("study as coder file.earmark"));
        Path noise = dir.resolve("noise.earmark");
        byte[] random = new byte[8192];
        new java.util.Random(SEED).nextBytes(random);
        System.arraycopy("SQLite format 3\0".getBytes(), 0, random, 0, 16);
        Files.write(noise, random);
        Path empty = Files.write(dir.resolve("empty.earmark"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.earmark"), "just some text, not a database\n");

        for (Path file : List.of(other, otherWal, stripped, studyAsCoder, noise, empty, text)) {
            if (file != studyAsCoder) { // info describes any Earmark file, a study file too
                Run info = Sweep.refused(file, "info", file.toString());
                assertEquals(Failures.EXIT_UNUSABLE_FILE, info.exitCode(), info.toString());
            }
            Sweep.refused(file, "codes", "export", file.toString(), "--format", "csv", "--out",
                    dir.resolve("x.csv").toString());
            Sweep.refused(file, "study", "merge", fx.studyDir().toString(), file.toString());
        }
        Run studyInfo = Run.cli("info", studyAsCoder.toString());
        assertEquals(0, studyInfo.exitCode(), studyInfo.toString());
        assertTrue(studyInfo.out().contains("Earmark study file"), studyInfo.out());
        Run export = Run.cli("codes", "export", studyAsCoder.toString(), "--format", "csv", "--out",
                dir.resolve("y.csv").toString());
        assertTrue(export.err().contains("it is an Earmark study file"), export.err());
        assertTrue(Run.cli("info", other.toString()).err().contains("a SQLite database from another program"));

        Path notAStudy = Files.createDirectories(dir.resolve("coder file as study"));
        Path coderAsStudy = Files.copy(fx.coderFile(), notAStudy.resolve("study.earmark-study"));
        Run status = Sweep.refused(coderAsStudy, "study", "status", notAStudy.toString());
        assertTrue(status.err().contains("it is an Earmark coder file"), status.err());
    }

    @Test
    void aCoderFileFromAnotherStudyIsNotMerged() throws Exception {
        Path file = tmp.resolve("other study " + Fixture.AWKWARD + ".earmark");
        TestFiles.create(file).close();
        String study = Fixture.sha256(fx.studyFile());
        Run run = Sweep.refused(file, "study", "merge", fx.studyDir().toString(), file.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("belongs to another study") && run.err().contains("Nothing was merged"),
                run.err());
        assertEquals(study, Fixture.sha256(fx.studyFile()));
    }

    @Test
    void aCoderFileOnAReadOnlyDiskIsMergedWithoutAWriteToIt() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("read-only share"), "4m")) {
            Path file = Files.copy(fx.coderFile(), disk.dir().resolve("ann é.earmark"));
            disk.remountReadOnly();
            Run merge = Run.cli("study", "merge", fx.studyDir().toString(), file.toString());
            assertEquals(0, merge.exitCode(), "a lead can merge straight from a read-only share: " + merge);
            assertTrue(merge.out().contains("0 new"), merge.out());
        }
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}

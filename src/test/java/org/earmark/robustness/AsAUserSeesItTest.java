package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.earmark.core.Failures;
import org.earmark.storage.CoderWorkReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few cases of the sweep run as a separate {@code earmark} process, as a user or a script runs it: the exit
 * codes and stderr a shell sees, on paths with spaces, accents, CJK and an emoji.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsAUserSeesItTest {

    @TempDir
    static Path tmp;

    private Fixture fx;
    private String recording;

    /** How a process ended. */
    record Ended(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + UserSees.abbreviate(out) + "--- err\n" + UserSees.abbreviate(err);
        }
    }

    @BeforeAll
    void build() throws Exception {
        fx = Fixture.build(tmp);
        recording = CoderWorkReader.read(fx.coderFile()).recordings().get(0).id();
    }

    @Test
    void codingAndExportingOnAnAwkwardPathWork() throws Exception {
        int before = CoderWorkReader.summarise(fx.coderFile()).events();
        Ended add = earmark(recording + ",OFQ,1.25,,un 中文 note 😀\n" + recording + ",TASK,1.5\n", "codes", "add",
                fx.coderFile().toString(), "--stdin");
        assertEquals(0, add.exitCode(), add.toString());
        assertEquals(2, add.out().lines().filter(l -> l.startsWith("saved ")).count(), add.toString());

        Path out = fx.root().resolve("export é 中文 😀.csv");
        Ended export = earmark(null, "codes", "export", fx.coderFile().toString(), "--format", "csv", "--out",
                out.toString());
        assertEquals(0, export.exitCode(), export.toString());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("recording,code,start_s,end_s,note\n"), csv);
        assertTrue(csv.contains(recording + ",OFQ,1.250,,un 中文 note 😀\n"), csv);
        assertEquals(1 + before + 2, csv.lines().count(), "the events there were and the two new ones");

        Ended info = earmark(null, "info", fx.coderFile().toString());
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("events      " + (before + 2) + " "), info.out());
    }

    @Test
    void refusalsHaveTheirExitCodesAndOneLine() throws Exception {
        Path damaged = fx.root().resolve("damaged é.earmark");
        byte[] whole = Files.readAllBytes(fx.coderFile());
        Files.write(damaged, Arrays.copyOf(whole, whole.length / 2));
        expect(Failures.EXIT_UNUSABLE_FILE, damaged, null, "info", damaged.toString());

        Path csv = Files.writeString(fx.root().resolve("broken 😀.csv"), "recording,code,start_s\n\"R-1,OFQ,1\n");
        expect(Failures.EXIT_BAD_INPUT, csv, null, "codes", "import", fx.coderFile().toString(), "--csv",
                csv.toString());

        Path notAudio = Files.writeString(fx.root().resolve("not audio 中文.wav"), "hello\n");
        Path allocation = Files.writeString(fx.root().resolve("a.csv"), "file,arm\nnot audio 中文.wav,A\n");
        expect(Failures.EXIT_BAD_INPUT, notAudio, null, "study", "init", fx.root().resolve("s").toString(), "--name",
                "S", "--codebook", Fixture.SHIPPED_CODEBOOK.toString(), "--allocation", allocation.toString(),
                notAudio.toString());

        Path missing = fx.root().resolve("missing é.earmark");
        Ended gone = earmark(null, "info", missing.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, gone.exitCode(), gone.toString());
        UserSees.clearFailure(gone.exitCode(), gone.err(), missing.toString(), "missing file");

        Ended lines = earmark(recording + ",OFQ,1\nR-NOPE,OFQ,1\n" + recording + ",OFQ,-3\n", "codes", "add",
                fx.coderFile().toString(), "--stdin");
        assertEquals(Failures.EXIT_BAD_INPUT, lines.exitCode(), "refused lines make exit 2: " + lines);
        assertTrue(lines.out().contains("error 2: No recording R-NOPE") && lines.out().contains("error 3: start_s"),
                lines.toString());
        UserSees.noTrace(lines.out() + lines.err(), lines.toString());
    }

    @Test
    void aFileInUseIsRefusedWithExitFour() throws Exception {
        Process holder = Child.earmark(tmp, List.of("codes", "add", fx.coderFile().toString(), "--stdin")).start();
        try (OutputStream in = holder.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                     StandardCharsets.UTF_8))) {
            in.write((recording + ",OFQ,0.3\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(out.readLine().startsWith("saved "), "the first process has the file open");
            String before = Fixture.sha256(fx.coderFile());
            Ended second = earmark(recording + ",OFQ,0.4\n", "codes", "add", fx.coderFile().toString(), "--stdin");
            assertEquals(Failures.EXIT_FILE_IN_USE, second.exitCode(), second.toString());
            UserSees.clearFailure(second.exitCode(), second.err(), fx.coderFile().toString(), "in use");
            assertTrue(second.err().contains("is open in an Earmark window (this one, if it is the file you are coding in) or another program"), second.err());
            assertEquals(before, Fixture.sha256(fx.coderFile()));
        } finally {
            holder.waitFor(30, TimeUnit.SECONDS); // stdin closed: it ends by itself
        }
        assertEquals(0, holder.exitValue());
    }

    @Test
    void aNonAsciiPathUnderALocaleThatCannotSpellItGetsAClearMessage() throws Exception {
        ProcessBuilder pb = Child.earmark(tmp, List.of("info", fx.coderFile().toString()));
        pb.environment().remove("LANG");
        pb.environment().remove("LC_CTYPE");
        pb.environment().put("LC_ALL", "C");
        Ended ended = run(pb, null);
        String jnu = ended.err();
        if (ended.exitCode() == 0) {
            return; // this JVM reads arguments as UTF-8 whatever the locale (a newer Java): nothing to refuse
        }
        assertEquals(Failures.EXIT_BAD_INPUT, ended.exitCode(), ended.toString());
        assertTrue(jnu.startsWith("earmark: ") && jnu.contains("Set a UTF-8 locale, e.g. LANG=C.UTF-8"), jnu);
        UserSees.noTrace(jnu, ended.toString());
    }

    private void expect(int exitCode, Path input, String stdin, String... args) throws Exception {
        String before = Fixture.sha256(input);
        Ended ended = earmark(stdin, args);
        assertEquals(exitCode, ended.exitCode(), ended.toString());
        UserSees.clearFailure(ended.exitCode(), ended.err(), input.toString(), String.join(" ", args));
        assertEquals(1, ended.err().lines().count(), "one line: " + ended);
        assertEquals(before, Fixture.sha256(input), input + " unchanged");
    }

    private Ended earmark(String stdin, String... args) throws Exception {
        return run(Child.earmark(tmp, List.of(args)), stdin);
    }

    private static Ended run(ProcessBuilder pb, String stdin) throws Exception {
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = read(p, false);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("earmark did not finish");
        }
        return new Ended(p.exitValue(), out, err.get());
    }

    private static String read(Process p, boolean err) {
        try {
            return new String((err ? p.getErrorStream() : p.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

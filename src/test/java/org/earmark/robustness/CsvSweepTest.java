package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.earmark.storage.CoderWorkReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken CSV files for the three commands that read CSV: the allocation key of {@code study init}, the events
 * of {@code codes import} and the ratings of {@code reliability}. Each is refused with one clear line naming the
 * file, and neither the CSV nor anything else is changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvSweepTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    static Path tmp;

    private Fixture fx;
    private Path coderFile;
    private String recording;

    /**
     * A CSV-reading command: its header, one valid row, a row with a value where it must be refused, and how to
     * run it on a file.
     */
    record Target(String name, String header, String row, Function<String, String> badRow,
            Function<Path, String[]> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A way to break a CSV file, made from a target's header and valid row. */
    record Breakage(String name, Function<Target, byte[]> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void build() throws Exception {
        fx = Fixture.build(tmp);
        coderFile = fx.coderFile();
        recording = CoderWorkReader.read(coderFile).recordings().get(0).id();
    }

    Stream<Arguments> cases() {
        Path newStudy = tmp.resolve(Fixture.AWKWARD).resolve("new study");
        List<Target> targets = List.of(
                new Target("allocation of study init", "file,arm", "session 1 é.wav,A", junk -> junk + ",A",
                        csv -> new String[] {
                    "study", "init", newStudy.toString(), "--name", "S", "--codebook", Fixture.SHIPPED_CODEBOOK.toString(),
                    "--allocation", csv.toString(), fx.audio().get(0).toString()}),
                new Target("codes import", "recording,code,start_s,end_s,note", recording + ",OFQ,1.5,,é",
                        junk -> junk + ",OFQ,1.5,,", csv ->
                        new String[] {"codes", "import", coderFile.toString(), "--csv", csv.toString()}),
                new Target("reliability", "unit,coder,value", "u1 é,a,1", junk -> "u1,a," + junk, csv ->
                        new String[] {"reliability", "--input", csv.toString(), "--level", "interval"}));
        List<Breakage> breakages = List.of(
                new Breakage("empty", t -> new byte[0]),
                new Breakage("header only", t -> utf8(t.header() + "\n")),
                new Breakage("header only after a byte order mark", t -> utf8("\uFEFF" + t.header() + "\r\n")),
                new Breakage("blank lines only", t -> utf8("\n\n   \n")),
                new Breakage("an unterminated quote", t -> utf8(t.header() + "\n\"" + t.row() + "\n")),
                new Breakage("text after a closing quote", t -> utf8(t.header() + "\n\"x\"y" + t.row() + "\n")),
                new Breakage("UTF-16LE with a byte order mark", t -> {
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(0xFF);
                    o.write(0xFE);
                    o.writeBytes((t.header() + "\n" + t.row() + "\n").getBytes(StandardCharsets.UTF_16LE));
                    return o.toByteArray();
                }),
                new Breakage("UTF-16BE without a byte order mark",
                        t -> (t.header() + "\n" + t.row() + "\n").getBytes(StandardCharsets.UTF_16BE)),
                new Breakage("Latin-1", t -> (t.header() + "\n" + t.row() + "\n").getBytes(StandardCharsets.ISO_8859_1)),
                new Breakage("a 10 MB field", t -> utf8(t.header() + "\n" + t.badRow().apply("x".repeat(TEN_MB))
                        + "\n")),
                new Breakage("a 10 MB quoted field of many lines", t -> utf8(t.header() + "\n"
                        + t.badRow().apply("\"" + "line é\n".repeat(TEN_MB / 8) + "\"") + "\n")),
                new Breakage("a 10 MB line without a line break", t -> utf8(t.header() + "\n" + "y,".repeat(TEN_MB / 2))),
                new Breakage("the wrong header", t -> utf8("name,group,score\n" + t.row() + "\n")),
                new Breakage("too many fields", t -> utf8(t.header() + "\n" + t.row() + ",extra,more,again\n")),
                new Breakage("NUL bytes", t -> utf8(t.header() + "\n" + t.badRow().apply("\u0000x\u0000") + "\n")),
                new Breakage("a blank header name", t -> utf8(t.header() + ", ,\n" + t.row() + ",,\n")),
                new Breakage("a repeated header name", t -> utf8(t.header() + "," + t.header() + "\n" + t.row() + ","
                        + t.row() + "\n")),
                new Breakage("binary noise", t -> {
                    byte[] noise = new byte[65_536];
                    new Random(5).nextBytes(noise);
                    return noise;
                }));
        List<Arguments> out = new ArrayList<>();
        for (Target t : targets) {
            for (Breakage b : breakages) {
                out.add(Arguments.of(t, b));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void aBrokenCsvIsRefusedClearlyAndNothingIsChanged(Target target, Breakage breakage) throws Exception {
        Path csv = tmp.resolve(Fixture.AWKWARD).resolve("input é.csv");
        Files.write(csv, breakage.make().apply(target));
        int events = CoderWorkReader.summarise(coderFile).events();
        Run run = Sweep.refused(csv, target.command().apply(csv));
        assertEquals(events, CoderWorkReader.summarise(coderFile).events(), "nothing was imported: " + run);
        assertFalse(Files.exists(tmp.resolve(Fixture.AWKWARD).resolve("new study")), "no study was made: " + run);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

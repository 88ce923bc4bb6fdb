package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.earmark.core.Failures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of the shipped codebook — characters deleted, values swapped, wrong types, huge strings, deep
 * nesting, invalid UTF-8 — through {@code codebook check} (problems on stdout, exit 1) and {@code study init}
 * (refused on stderr, exit 2). Never a trace, never exit 70, never a line too long to read, and the file as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodebookFuzzTest {

    private static final long SEED = 11L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private byte[] shipped;
    private Path dir;
    private Path audio;
    private Path allocation;
    private final AtomicInteger valid = new AtomicInteger();
    private final AtomicInteger invalid = new AtomicInteger();

    /** One mutant: its name and how it is made from the shipped codebook's bytes. */
    record Mutant(String name, UnaryOperator<byte[]> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        shipped = Files.readAllBytes(Fixture.SHIPPED_CODEBOOK);
        dir = Files.createDirectories(tmp.resolve(Fixture.AWKWARD));
        audio = Fixture.wav(dir.resolve("one é.wav"), 1, 440);
        allocation = Files.writeString(dir.resolve("allocation.csv"), "file,arm\none é.wav,A\n");
    }

    @AfterAll
    void summary() {
        System.out.printf("codebook fuzz: %d mutants refused with their problems, %d still valid%n", invalid.get(),
                valid.get());
    }

    Stream<Mutant> mutants() throws Exception {
        Random random = new Random(SEED);
        String text = new String(Files.readAllBytes(Fixture.SHIPPED_CODEBOOK), StandardCharsets.UTF_8);
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = 1 + random.nextInt(4);
            long seed = random.nextLong();
            out.add(new Mutant("deleted " + n + " characters, seed " + seed, b -> {
                Random r = new Random(seed);
                StringBuilder s = new StringBuilder(text);
                for (int k = 0; k < n; k++) {
                    s.deleteCharAt(r.nextInt(s.length()));
                }
                return utf8(s.toString());
            }));
        }
        for (int i = 0; i < 40; i++) {
            long seed = random.nextLong();
            out.add(new Mutant("two values swapped, seed " + seed, b -> tree(() -> {
                JsonNode root = parse();
                List<Slot> slots = slots(root);
                Random rr = new Random(seed);
                Slot a = slots.get(rr.nextInt(slots.size()));
                Slot c = slots.get(rr.nextInt(slots.size()));
                JsonNode va = a.get();
                a.set(c.get());
                c.set(va);
                return root;
            })));
        }
        JsonNode[] wrong = {JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.numberNode(-1.5e300),
            JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("\u0000\t\uFFFF"),
            JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("9".repeat(400)))};
        for (int i = 0; i < 45; i++) {
            long seed = random.nextLong();
            JsonNode replacement = wrong[i % wrong.length];
            out.add(new Mutant("a value replaced by " + abbreviate(replacement.toString()) + ", seed " + seed,
                    b -> tree(() -> {
                        JsonNode root = parse();
                        List<Slot> slots = slots(root);
                        slots.get(new Random(seed).nextInt(slots.size())).set(replacement.deepCopy());
                        return root;
                    })));
        }
        for (String field : List.of("id", "label", "hotkey", "colour", "kind", "definition")) {
            out.add(new Mutant("10 MB string as the first code's " + field, b -> tree(() -> {
                JsonNode root = parse();
                ((ObjectNode) root.get("codes").get(0)).put(field, "é" + "x".repeat(10 * 1024 * 1024));
                return root;
            })));
        }
        out.add(new Mutant("10 MB string as a field name", b -> tree(() -> {
            JsonNode root = parse();
            ((ObjectNode) root).put("k".repeat(10 * 1024 * 1024), 1);
            return root;
        })));
        for (int depth : new int[] {50, 999, 1001, 5000, 200_000}) {
            out.add(new Mutant("nested " + depth + " deep", b -> {
                String nested = "[".repeat(depth) + "]".repeat(depth);
                return utf8(text.replaceFirst("\"description\": ", "\"description\": " + nested + ", \"x\": "));
            }));
        }
        for (int i = 0; i < 20; i++) {
            long seed = random.nextLong();
            out.add(new Mutant("invalid UTF-8 inserted, seed " + seed, b -> {
                Random r = new Random(seed);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                int at = r.nextInt(b.length);
                o.write(b, 0, at);
                byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0x80},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
                byte[] x = bad[r.nextInt(bad.length)];
                o.write(x, 0, x.length);
                o.write(b, at, b.length - at);
                return o.toByteArray();
            }));
        }
        out.add(new Mutant("empty file", b -> new byte[0]));
        out.add(new Mutant("only white space", b -> utf8(" \n\t \r\n")));
        out.add(new Mutant("null", b -> utf8("null")));
        out.add(new Mutant("an array", b -> utf8("[1, 2, 3]")));
        out.add(new Mutant("a number", b -> utf8("12")));
        out.add(new Mutant("a byte order mark only", b -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        out.add(new Mutant("UTF-16 with a byte order mark", b -> text.getBytes(StandardCharsets.UTF_16)));
        out.add(new Mutant("Latin-1 with accents", b -> text.replace("Outcomes", "Résultats")
                .getBytes(StandardCharsets.ISO_8859_1)));
        out.add(new Mutant("cut in half", b -> java.util.Arrays.copyOf(b, b.length / 2)));
        out.add(new Mutant("two JSON objects", b -> utf8(text + text)));
        out.add(new Mutant("NUL bytes", b -> utf8(text.replace("\"id\"", "\"i\u0000d\""))));
        out.add(new Mutant("a binary file", b -> {
            byte[] noise = new byte[4096];
            new Random(SEED).nextBytes(noise);
            return noise;
        }));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aMutatedCodebookIsCheckedOrRefusedClearly(Mutant mutant) throws Exception {
        Path file = dir.resolve("codebook é.json");
        Files.write(file, mutant.make().apply(shipped));
        String before = Fixture.sha256(file);
        Run check = Run.cli("codebook", "check", file.toString());
        String context = "codebook check, " + mutant + "\n" + check;
        assertTrue(check.exitCode() == 0 || check.exitCode() == Failures.EXIT_PROBLEMS_FOUND
                || check.exitCode() == Failures.EXIT_BAD_INPUT, context);
        UserSees.noTrace(check.out() + check.err(), context);
        check.out().lines().forEach(l -> assertTrue(l.length() <= 2000, "a line short enough to read: " + context));
        if (check.exitCode() == Failures.EXIT_PROBLEMS_FOUND) {
            check.out().lines().filter(l -> !l.matches("\\d+ problems? found\\."))
                    .forEach(l -> assertTrue(l.startsWith(file.toString()), "each problem names the file: " + context));
        }
        if (check.exitCode() == Failures.EXIT_BAD_INPUT) {
            UserSees.clearFailure(check.exitCode(), check.err(), file.toString(), context);
        }
        assertEquals(before, Fixture.sha256(file), "unchanged: " + context);
        if (check.exitCode() == 0) {
            valid.incrementAndGet();
            return;
        }
        invalid.incrementAndGet();
        Path study = dir.resolve("study " + Math.abs(mutant.name().hashCode()));
        Run init = Run.cli("study", "init", study.toString(), "--name", "Fuzz", "--codebook", file.toString(),
                "--allocation", allocation.toString(), audio.toString());
        assertEquals(Failures.EXIT_BAD_INPUT, init.exitCode(), "study init refuses it: " + mutant + "\n" + init);
        UserSees.clearFailure(init.exitCode(), init.err(), file.toString(), "study init, " + mutant);
        assertFalse(Files.exists(study), "no study folder was made");
        assertEquals(before, Fixture.sha256(file));
    }

    // ---- helpers

    private JsonNode parse() {
        try {
            return JSON.readTree(shipped);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tree(java.util.function.Supplier<JsonNode> build) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(build.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private interface Slot {
        JsonNode get();

        void set(JsonNode value);
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> out = new ArrayList<>();
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                out.add(new Slot() {
                    public JsonNode get() {
                        return o.get(name);
                    }

                    public void set(JsonNode value) {
                        o.set(name, value);
                    }
                });
                out.addAll(slots(o.get(name)));
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                out.add(new Slot() {
                    public JsonNode get() {
                        return a.get(index);
                    }

                    public void set(JsonNode value) {
                        a.set(index, value);
                    }
                });
                out.addAll(slots(a.get(i)));
            }
        }
        return out;
    }
}

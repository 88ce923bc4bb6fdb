package org.earmark.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CodebookLoaderTest {

    static final Path SHIPPED = TestCodebooks.SHIPPED;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theShippedCodebookIsValidAndComplete() {
        Codebook cb = CodebookLoader.load(SHIPPED);
        assertEquals("outcomes-focused-supervision", cb.id());
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ", "CASE"),
                cb.codes().stream().map(EventCode::id).toList());
        assertEquals(CodeKind.SPAN, cb.code("CASE").orElseThrow().kind());
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ"),
                cb.groups().get("supervisor-question").stream().map(EventCode::id).toList());
        for (EventCode code : cb.codes()) {
            assertTrue(!code.includeExamples().isEmpty() && !code.excludeExamples().isEmpty(),
                    code.id() + " needs an example and a non-example");
            assertTrue(code.definition().length() > 80, code.id() + " needs a definition a coder can apply");
        }
        RatingScale focus = cb.rating("outcome_focus").orElseThrow();
        assertEquals(1, focus.min());
        assertEquals(5, focus.max());
        assertEquals(5, focus.anchors().size());
        assertEquals(List.of("ofq_count", "ofq_per_10min", "ofq_share", "case_minutes", "outcome_focus_rating"),
                cb.metrics().stream().map(FidelityMetric::id).toList());
        FidelityMetric.Share share = (FidelityMetric.Share) cb.metrics().get(2);
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ"), share.denominator().resolve(cb));
        assertEquals(10.0, ((FidelityMetric.Rate) cb.metrics().get(1)).perMinutes());
    }

    @Test
    void hashIgnoresWhitespaceAndKeyOrderButNotContent() throws Exception {
        String original = Files.readString(SHIPPED);
        ObjectNode tree = (ObjectNode) MAPPER.readTree(original);
        String compact = MAPPER.writeValueAsString(tree);
        ObjectNode reordered = MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        for (String n : names) {
            reordered.set(n, tree.get(n));
        }
        String hash = CodebookLoader.parse(original).hash();
        assertTrue(hash.matches("sha256:[0-9a-f]{64}"), hash);
        assertEquals(hash, CodebookLoader.parse(compact).hash());
        assertEquals(hash, CodebookLoader.parse(MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(reordered)).hash());
        assertEquals(hash, CodebookLoader.parse("\uFEFF" + original).hash(), "a BOM is not content");
        ((ObjectNode) tree.get("codes").get(0)).put("label", "Outcomes question");
        assertNotEquals(hash, CodebookLoader.parse(MAPPER.writeValueAsString(tree)).hash());
    }

    @Test
    void threeMistakesGiveThreeProblemsEachWithPathAndLine() throws Exception {
        String text = TestCodebooks.modified(cb -> {
            ((ObjectNode) cb.get("codes").get(1)).put("hotkey", "1");
            ((ObjectNode) cb.get("codes").get(2)).put("colour", "blue");
            ((ArrayNode) cb.get("metrics").get(0).get("codes")).set(0, "OFQX");
        });
        CodebookException e = assertThrows(CodebookException.class, () -> CodebookLoader.parse(text));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertProblem(e, "$.codes[1].hotkey", "already used by code \"OFQ\"", text, "\"hotkey\" : \"1\"");
        assertProblem(e, "$.codes[2].colour", "\"blue\" is not a colour", text, "\"colour\" : \"blue\"");
        assertProblem(e, "$.metrics[0].codes[0]", "unknown code \"OFQX\"", text, "\"OFQX\"");
    }

    @Test
    void reportsEachKindOfMistake() throws Exception {
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(1)).put("id", "OFQ"), "$.codes[1].id",
                "duplicate id \"OFQ\"");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("hotkey", "Space"), "$.codes[0].hotkey",
                "reserved");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("hotkey", "F1"), "$.codes[0].hotkey", "reserved");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("hotkey", "ctrl+q"), "$.codes[0].hotkey",
                "not a key");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("hotkey", "c"), "$.codes[5].hotkey",
                "already used by code \"OFQ\"");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("kind", "moment"), "$.codes[0].kind",
                "\"point\" or \"span\"");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).remove("definition"), "$.codes[0].definition",
                "required field");
        expectProblem(cb -> ((ObjectNode) cb.get("codes").get(0)).put("color", "#000000"), "$.codes[0].color",
                "spells it \"colour\"");
        expectProblem(cb -> ((ObjectNode) cb.get("ratings").get(0)).put("min", 5), "$.ratings[0].max",
                "must be greater than min");
        expectProblem(cb -> ((ObjectNode) cb.get("ratings").get(0).get("anchors")).remove("3"),
                "$.ratings[0].anchors", "value 3 of the scale 1..5 has no anchor");
        expectProblem(cb -> ((ObjectNode) cb.get("ratings").get(0).get("anchors")).put("7", "x"),
                "$.ratings[0].anchors['7']", "not a value of the scale");
        expectProblem(cb -> ((ObjectNode) cb.get("metrics").get(2).get("numerator")).put("group", "nope")
                        .remove("codes"), "$.metrics[2].numerator.group", "unknown group \"nope\"");
        expectProblem(cb -> ((ArrayNode) cb.get("metrics").get(3).get("codes")).set(0, "OFQ"),
                "$.metrics[3].codes[0]", "point code; a duration needs span codes");
        expectProblem(cb -> ((ObjectNode) cb.get("metrics").get(2).get("numerator")).putArray("codes").add("CASE"),
                "$.metrics[2].numerator", "not in the denominator");
        expectProblem(cb -> ((ObjectNode) cb.get("metrics").get(1)).put("per_minutes", 0), "$.metrics[1].per_minutes",
                "positive number");
        expectProblem(cb -> ((ObjectNode) cb.get("metrics").get(1)).put("type", "median"), "$.metrics[1].type",
                "unknown metric type");
        expectProblem(cb -> ((ObjectNode) cb.get("metrics").get(0)).put("id", "OFQ"), "$.metrics[0].id",
                "duplicate id \"OFQ\": already used by a code");
        expectProblem(cb -> ((ObjectNode) cb).putArray("codes"), "$.codes", "at least one code");
        expectProblem(cb -> ((ObjectNode) cb).put("id", "9 lives"), "$.id", "not a valid id");
    }

    @Test
    void duplicateKeysAndBrokenJsonAreReportedWithLines() {
        CodebookException dup = assertThrows(CodebookException.class, () -> CodebookLoader.parse(
                "{\n \"id\": \"a\",\n \"id\": \"b\",\n \"version\": \"1\", \"codes\": []\n}"));
        assertTrue(dup.problems().stream().anyMatch(p -> p.path().equals("$.id") && p.line() == 3
                && p.message().contains("duplicate key")), dup.getMessage());
        CodebookException broken = assertThrows(CodebookException.class,
                () -> CodebookLoader.parse("{\n  \"id\": \"x\",\n  \"codes\": [\n    {\"id\": }\n"));
        assertEquals(1, broken.problems().size());
        assertEquals(4, broken.problems().get(0).line());
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
        CodebookException empty = assertThrows(CodebookException.class, () -> CodebookLoader.parse("  "));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(CodebookException.class, () -> CodebookLoader.parse("[1, 2]"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedByName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"id\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var e = assertThrows(org.earmark.core.EarmarkException.class, () -> CodebookLoader.load(latin1));
        assertTrue(e.getMessage().contains("latin1.json") && e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    private static void expectProblem(Consumer<ObjectNode> change, String path, String fragment) throws Exception {
        String text = TestCodebooks.modified(change);
        CodebookException e = assertThrows(CodebookException.class, () -> CodebookLoader.parse(text), path);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)
                        && p.line() > 0),
                "expected a problem at " + path + " containing '" + fragment + "' but got:\n" + e.getMessage());
    }

    private static void assertProblem(CodebookException e, String path, String fragment, String text,
            String lineContains) {
        CodebookProblem p = e.problems().stream().filter(x -> x.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + ": " + e.getMessage()));
        assertTrue(p.message().contains(fragment), p.toString());
        String line = text.lines().toList().get(p.line() - 1);
        assertTrue(line.contains(lineContains), "line " + p.line() + " is '" + line + "', expected it to hold "
                + lineContains);
    }
}

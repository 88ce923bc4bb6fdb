package org.earmark.codebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers the line of every value, so a validation problem can name both its
 * JSON path and its line. Jackson's own tree forgets locations and silently keeps the last of two
 * duplicate keys; this reader records duplicates as problems instead.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final List<CodebookProblem> duplicateKeys;

    private LocatedJson(JsonNode root, Map<String, Integer> lines, List<CodebookProblem> duplicateKeys) {
        this.root = root;
        this.lines = lines;
        this.duplicateKeys = duplicateKeys;
    }

    /** Parses the text; a syntax error becomes a {@link CodebookException} naming its line and column. */
    static LocatedJson parse(String text) {
        Map<String, Integer> lines = new HashMap<>();
        List<CodebookProblem> duplicates = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CodebookException(List.of(new CodebookProblem("$", 1, "the file is empty")));
            }
            JsonNode root = read(parser, JsonPointer.empty(), lines, duplicates);
            if (parser.nextToken() != null) {
                throw new CodebookException(List.of(new CodebookProblem("$", parser.currentLocation().getLineNr(),
                        "unexpected content after the end of the JSON object")));
            }
            return new LocatedJson(root, lines, duplicates);
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new CodebookException(List.of(new CodebookProblem("$", line,
                    "not valid JSON at column " + column + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new CodebookException(List.of(new CodebookProblem("$", 0, "could not read JSON: " + e.getMessage())));
        }
    }

    private static JsonNode read(JsonParser p, JsonPointer at, Map<String, Integer> lines,
            List<CodebookProblem> duplicates) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        lines.put(at.toString(), line);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int nameLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    JsonPointer child = at.appendProperty(name);
                    JsonNode value = read(p, child, lines, duplicates);
                    if (object.has(name)) {
                        duplicates.add(new CodebookProblem(child.toString(), nameLine,
                                "duplicate key \"" + name + "\"; only one is allowed"));
                    }
                    object.set(name, value);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, at.appendIndex(array.size()), lines, duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected token " + p.currentToken());
        }
    }

    JsonNode root() {
        return root;
    }

    List<CodebookProblem> duplicateKeys() {
        return duplicateKeys;
    }

    /**
     * Turns a JSON pointer ({@code /codes/2/hotkey}) into the JSONPath form users read
     * ({@code $.codes[2].hotkey}); the tree tells an array index from an object key that is a number.
     */
    String displayPath(String pointer) {
        StringBuilder out = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return out.toString();
        }
        JsonNode node = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray()) {
                out.append('[').append(segment).append(']');
                node = node.get(Integer.parseInt(segment));
            } else {
                boolean plain = segment.matches("[A-Za-z_$][A-Za-z0-9_$-]*");
                out.append(plain ? "." + segment : "['" + segment.replace("'", "\\'") + "']");
                node = node == null ? null : node.get(segment);
            }
        }
        return out.toString();
    }

    /** The line of the value at a JSON pointer, or of its nearest present parent. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}

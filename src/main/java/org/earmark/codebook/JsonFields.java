package org.earmark.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads typed fields out of a located JSON tree, recording a problem for each bad or missing one. */
final class JsonFields {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    private final LocatedJson json;
    private final List<CodebookProblem> problems;

    JsonFields(LocatedJson json, List<CodebookProblem> problems) {
        this.json = json;
        this.problems = problems;
    }

    void problem(String pointer, String message) {
        problems.add(new CodebookProblem(json.displayPath(pointer), json.lineOf(pointer), message));
    }

    /** True if the node is an object; otherwise records that it should be one. */
    boolean isObject(JsonNode node, String pointer, String what) {
        if (node != null && node.isObject()) {
            return true;
        }
        problem(pointer, what + " must be a JSON object");
        return false;
    }

    void rejectUnknownFields(JsonNode object, String pointer, Set<String> allowed) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                String hint = name.equals("color") ? " (the codebook spells it \"colour\")" : "";
                problem(pointer + "/" + name, "unknown field \"" + name + "\"" + hint + "; allowed here: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        });
    }

    String text(JsonNode object, String pointer, String field, boolean required) {
        JsonNode value = object.get(field);
        String at = pointer + "/" + field;
        if (value == null || value.isNull()) {
            if (required) {
                problem(at, "required field \"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(at, "\"" + field + "\" must be text, was " + value);
            return null;
        }
        if (required && value.textValue().isBlank()) {
            problem(at, "\"" + field + "\" must not be empty");
            return null;
        }
        return value.textValue();
    }

    String id(JsonNode object, String pointer, String field) {
        String id = text(object, pointer, field, true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(pointer + "/" + field, "\"" + id + "\" is not a valid id: start with a letter, then letters, digits,"
                    + " '_', '-' or '.', at most 40 characters");
            return null;
        }
        return id;
    }

    Integer integer(JsonNode object, String pointer, String field) {
        JsonNode value = object.get(field);
        String at = pointer + "/" + field;
        if (value == null || value.isNull()) {
            problem(at, "required field \"" + field + "\" is missing");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(at, "\"" + field + "\" must be a whole number, was " + value);
            return null;
        }
        return value.intValue();
    }

    Double positiveNumber(JsonNode object, String pointer, String field) {
        JsonNode value = object.get(field);
        String at = pointer + "/" + field;
        if (value == null || value.isNull()) {
            problem(at, "required field \"" + field + "\" is missing");
            return null;
        }
        if (!value.isNumber() || value.doubleValue() <= 0 || !Double.isFinite(value.doubleValue())) {
            problem(at, "\"" + field + "\" must be a positive number, was " + value);
            return null;
        }
        return value.doubleValue();
    }

    /** A list of strings; an absent optional field is an empty list. */
    List<String> textList(JsonNode object, String pointer, String field, boolean required) {
        JsonNode value = object.get(field);
        String at = pointer + "/" + field;
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                problem(at, "required field \"" + field + "\" is missing");
            }
            return out;
        }
        if (!value.isArray()) {
            problem(at, "\"" + field + "\" must be a list of text, was " + value);
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() && !item.textValue().isBlank()) {
                out.add(item.textValue());
            } else {
                problem(at + "/" + i, "each entry of \"" + field + "\" must be non-empty text, was " + item);
            }
        }
        if (required && value.isEmpty()) {
            problem(at, "\"" + field + "\" must not be empty");
        }
        return out;
    }

    /** The array at a field, or an empty array after recording a problem. */
    JsonNode array(JsonNode object, String pointer, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(pointer + "/" + field, "required field \"" + field + "\" is missing");
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            problem(pointer + "/" + field, "\"" + field + "\" must be a list, was " + value.getNodeType().toString()
                    .toLowerCase(java.util.Locale.ROOT));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return value;
    }
}

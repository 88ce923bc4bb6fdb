package org.earmark.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns a located JSON tree into a {@link Codebook}, collecting every problem rather than stopping at the first. */
final class CodebookReader {

    private static final Set<String> TOP_FIELDS = Set.of("id", "version", "title", "description", "codes", "ratings",
            "metrics");
    private static final Set<String> CODE_FIELDS = Set.of("id", "label", "definition", "include", "exclude", "hotkey",
            "colour", "kind", "group");
    private static final Set<String> RATING_FIELDS = Set.of("id", "label", "min", "max", "anchors", "description");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final LocatedJson json;
    private final JsonFields fields;
    /** Every id declared so far (codes, ratings, metrics share one namespace: they become column names). */
    private final Map<String, String> declaredIds = new HashMap<>();

    CodebookReader(LocatedJson json, List<CodebookProblem> problems) {
        this.json = json;
        this.fields = new JsonFields(json, problems);
    }

    /** Reads the codebook; returns null when there were problems (they are in the list given to the constructor). */
    Codebook read(String hash, String source) {
        JsonNode root = json.root();
        if (!fields.isObject(root, "", "the codebook")) {
            return null;
        }
        fields.rejectUnknownFields(root, "", TOP_FIELDS);
        String id = fields.id(root, "", "id");
        String version = fields.text(root, "", "version", true);
        String title = fields.text(root, "", "title", false);
        fields.text(root, "", "description", false);
        List<EventCode> codes = readCodes(fields.array(root, "", "codes", true));
        List<RatingScale> ratings = readRatings(fields.array(root, "", "ratings", false));
        List<FidelityMetric> metrics = new MetricReader(fields, codes, ratings, declaredIds)
                .read(fields.array(root, "", "metrics", false));
        if (id == null || version == null) {
            return null;
        }
        try {
            return new Codebook(id, version, title == null ? id : title, codes, ratings, metrics, hash, source);
        } catch (IllegalArgumentException e) {
            fields.problem("", e.getMessage());
            return null;
        }
    }

    private List<EventCode> readCodes(JsonNode array) {
        if (array.isEmpty() && json.root().has("codes")) {
            fields.problem("/codes", "a codebook needs at least one code");
        }
        List<EventCode> codes = new ArrayList<>();
        Map<Hotkey, String> hotkeys = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "/codes/" + i;
            JsonNode node = array.get(i);
            if (!fields.isObject(node, at, "each code")) {
                continue;
            }
            fields.rejectUnknownFields(node, at, CODE_FIELDS);
            String id = declare(fields.id(node, at, "id"), at + "/id", "code");
            String label = fields.text(node, at, "label", true);
            String definition = fields.text(node, at, "definition", true);
            List<String> include = fields.textList(node, at, "include", false);
            List<String> exclude = fields.textList(node, at, "exclude", false);
            Hotkey hotkey = hotkey(node, at, id, hotkeys);
            String colour = colour(node, at);
            CodeKind kind = kind(node, at);
            String group = node.has("group") ? fields.id(node, at, "group") : null;
            if (id != null && label != null && definition != null && hotkey != null && colour != null && kind != null) {
                codes.add(new EventCode(id, label, definition, include, exclude, hotkey, colour.toUpperCase(Locale.ROOT),
                        kind, group));
            }
        }
        return codes;
    }

    private Hotkey hotkey(JsonNode code, String at, String codeId, Map<Hotkey, String> taken) {
        String text = fields.text(code, at, "hotkey", true);
        if (text == null) {
            return null;
        }
        if (Hotkey.isReserved(text)) {
            fields.problem(at + "/hotkey", "hotkey \"" + text + "\" is reserved for the coding view (reserved: "
                    + String.join(" ", new java.util.TreeSet<>(Hotkey.RESERVED)) + ")");
            return null;
        }
        Hotkey key = Hotkey.parse(text).orElse(null);
        if (key == null) {
            fields.problem(at + "/hotkey", "hotkey \"" + text + "\" is not a key a code can use: give a digit, a letter"
                    + " or F2-F12");
            return null;
        }
        String previous = taken.putIfAbsent(key, codeId);
        if (previous != null) {
            fields.problem(at + "/hotkey", "hotkey \"" + key + "\" is already used by code \"" + previous + "\"");
            return null;
        }
        return key;
    }

    private String colour(JsonNode code, String at) {
        String colour = fields.text(code, at, "colour", true);
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            fields.problem(at + "/colour", "colour \"" + colour + "\" is not a colour: write it as #RRGGBB, e.g. #0072B2");
            return null;
        }
        return colour;
    }

    private CodeKind kind(JsonNode code, String at) {
        String kind = fields.text(code, at, "kind", true);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "point" -> CodeKind.POINT;
            case "span" -> CodeKind.SPAN;
            default -> {
                fields.problem(at + "/kind", "kind must be \"point\" or \"span\", was \"" + kind + "\"");
                yield null;
            }
        };
    }

    private List<RatingScale> readRatings(JsonNode array) {
        List<RatingScale> ratings = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "/ratings/" + i;
            JsonNode node = array.get(i);
            if (!fields.isObject(node, at, "each rating")) {
                continue;
            }
            fields.rejectUnknownFields(node, at, RATING_FIELDS);
            String id = declare(fields.id(node, at, "id"), at + "/id", "rating");
            String label = fields.text(node, at, "label", true);
            fields.text(node, at, "description", false);
            Integer min = fields.integer(node, at, "min");
            Integer max = fields.integer(node, at, "max");
            if (min != null && max != null && min >= max) {
                fields.problem(at + "/max", "max (" + max + ") must be greater than min (" + min + ")");
                continue;
            }
            if (min != null && max != null && (long) max - min > 100) {
                fields.problem(at + "/max", "a rating scale may have at most 101 points, " + min + ".." + max + " has more");
                continue;
            }
            Map<Integer, String> anchors = anchors(node, at, min, max);
            if (id != null && label != null && min != null && max != null && anchors != null) {
                ratings.add(new RatingScale(id, label, min, max, anchors));
            }
        }
        return ratings;
    }

    private Map<Integer, String> anchors(JsonNode rating, String at, Integer min, Integer max) {
        JsonNode node = rating.get("anchors");
        if (node == null || !node.isObject()) {
            fields.problem(at + "/anchors", node == null ? "required field \"anchors\" is missing"
                    : "\"anchors\" must be an object from each scale value to its description");
            return null;
        }
        if (min == null || max == null) {
            return null;
        }
        Map<Integer, String> anchors = new TreeMap<>();
        boolean ok = true;
        var names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            JsonNode text = node.get(key);
            Integer value = parseInt(key);
            if (value == null || value < min || value > max) {
                fields.problem(at + "/anchors/" + key, "anchor \"" + key + "\" is not a value of the scale " + min + ".."
                        + max);
                ok = false;
            } else if (!text.isTextual() || text.textValue().isBlank()) {
                fields.problem(at + "/anchors/" + key, "the anchor for " + key + " must be non-empty text");
                ok = false;
            } else {
                anchors.put(value, text.textValue());
            }
        }
        for (int v = min; v <= max && ok; v++) {
            if (!anchors.containsKey(v)) {
                fields.problem(at + "/anchors", "value " + v + " of the scale " + min + ".." + max
                        + " has no anchor; coders need a description of every point");
                ok = false;
            }
        }
        return ok ? anchors : null;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Records an id in the shared namespace; returns null (after a problem) if it was taken. */
    private String declare(String id, String pointer, String what) {
        if (id == null) {
            return null;
        }
        String previous = declaredIds.putIfAbsent(id, what);
        if (previous != null) {
            fields.problem(pointer, "duplicate id \"" + id + "\": already used by a " + previous);
            return null;
        }
        return id;
    }
}

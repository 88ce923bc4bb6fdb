package org.earmark.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the fidelity metrics of a codebook, checking every code, group and rating they name. */
final class MetricReader {

    private static final Map<String, Set<String>> FIELDS_BY_TYPE = Map.of(
            "count", Set.of("id", "label", "type", "codes", "group", "description"),
            "rate", Set.of("id", "label", "type", "codes", "group", "per_minutes", "description"),
            "share", Set.of("id", "label", "type", "numerator", "denominator", "description"),
            "rating_mean", Set.of("id", "label", "type", "ratings", "description"),
            "duration", Set.of("id", "label", "type", "codes", "group", "unit", "description"));

    private final JsonFields fields;
    private final List<EventCode> codes;
    private final List<RatingScale> ratings;
    private final Map<String, String> declaredIds;

    MetricReader(JsonFields fields, List<EventCode> codes, List<RatingScale> ratings, Map<String, String> declaredIds) {
        this.fields = fields;
        this.codes = codes;
        this.ratings = ratings;
        this.declaredIds = declaredIds;
    }

    List<FidelityMetric> read(JsonNode array) {
        List<FidelityMetric> metrics = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "/metrics/" + i;
            JsonNode node = array.get(i);
            if (!fields.isObject(node, at, "each metric")) {
                continue;
            }
            FidelityMetric metric = readOne(node, at);
            if (metric != null) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    private FidelityMetric readOne(JsonNode node, String at) {
        String type = fields.text(node, at, "type", true);
        Set<String> allowed = type == null ? null : FIELDS_BY_TYPE.get(type);
        if (type != null && allowed == null) {
            fields.problem(at + "/type", "unknown metric type \"" + type + "\"; use one of "
                    + String.join(", ", new java.util.TreeSet<>(FIELDS_BY_TYPE.keySet())));
        }
        if (allowed != null) {
            fields.rejectUnknownFields(node, at, allowed);
        }
        String id = fields.id(node, at, "id");
        if (id != null && declaredIds.putIfAbsent(id, "metric") != null) {
            fields.problem(at + "/id", "duplicate id \"" + id + "\": already used by a " + declaredIds.get(id));
            id = null;
        }
        String label = fields.text(node, at, "label", true);
        fields.text(node, at, "description", false);
        if (allowed == null || id == null || label == null) {
            return null;
        }
        return switch (type) {
            case "count" -> {
                CodeSelection of = selection(node, at, false);
                yield of == null ? null : new FidelityMetric.Count(id, label, of);
            }
            case "rate" -> {
                CodeSelection of = selection(node, at, false);
                Double per = fields.positiveNumber(node, at, "per_minutes");
                yield of == null || per == null ? null : new FidelityMetric.Rate(id, label, of, per);
            }
            case "share" -> share(node, at, id, label);
            case "rating_mean" -> ratingMean(node, at, id, label);
            case "duration" -> duration(node, at, id, label);
            default -> throw new IllegalStateException("type checked above: " + type);
        };
    }

    private FidelityMetric share(JsonNode node, String at, String id, String label) {
        CodeSelection numerator = nested(node, at, "numerator");
        CodeSelection denominator = nested(node, at, "denominator");
        if (numerator == null || denominator == null) {
            return null;
        }
        Set<String> below = new HashSet<>(resolve(denominator));
        List<String> outside = resolve(numerator).stream().filter(c -> !below.contains(c)).toList();
        if (!outside.isEmpty()) {
            fields.problem(at + "/numerator", "the numerator's codes " + outside + " are not in the denominator ("
                    + denominator + "), so the share could exceed 1");
            return null;
        }
        return new FidelityMetric.Share(id, label, numerator, denominator);
    }

    private CodeSelection nested(JsonNode node, String at, String field) {
        JsonNode inner = node.get(field);
        if (inner == null) {
            fields.problem(at + "/" + field, "required field \"" + field + "\" is missing");
            return null;
        }
        if (!fields.isObject(inner, at + "/" + field, "\"" + field + "\"")) {
            return null;
        }
        fields.rejectUnknownFields(inner, at + "/" + field, Set.of("codes", "group"));
        return selection(inner, at + "/" + field, false);
    }

    private FidelityMetric ratingMean(JsonNode node, String at, String id, String label) {
        List<String> names = fields.textList(node, at, "ratings", true);
        boolean ok = !names.isEmpty();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (ratings.stream().noneMatch(r -> r.id().equals(name))) {
                // A declared but broken rating has its own problem already; do not report it twice.
                if (!"rating".equals(declaredIds.get(name))) {
                    fields.problem(at + "/ratings/" + i, "unknown rating \"" + name + "\"");
                }
                ok = false;
            }
        }
        return ok ? new FidelityMetric.RatingMean(id, label, names) : null;
    }

    private FidelityMetric duration(JsonNode node, String at, String id, String label) {
        CodeSelection of = selection(node, at, true);
        String unitText = fields.text(node, at, "unit", false);
        FidelityMetric.TimeUnit unit = FidelityMetric.TimeUnit.MINUTES;
        if ("seconds".equals(unitText)) {
            unit = FidelityMetric.TimeUnit.SECONDS;
        } else if (unitText != null && !"minutes".equals(unitText)) {
            fields.problem(at + "/unit", "unit must be \"minutes\" or \"seconds\", was \"" + unitText + "\"");
            return null;
        }
        return of == null ? null : new FidelityMetric.Duration(id, label, of, unit);
    }

    /** Reads {@code codes} or {@code group} at a node, checking that each names something real. */
    private CodeSelection selection(JsonNode node, String at, boolean spansOnly) {
        boolean hasCodes = node.has("codes");
        boolean hasGroup = node.has("group");
        if (hasCodes == hasGroup) {
            fields.problem(at, hasCodes ? "give either \"codes\" or \"group\", not both"
                    : "say which codes to use: add \"codes\": [...] or \"group\": \"...\"");
            return null;
        }
        CodeSelection selection;
        if (hasCodes) {
            List<String> names = fields.textList(node, at, "codes", true);
            boolean ok = !names.isEmpty();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                EventCode code = codes.stream().filter(c -> c.id().equals(name)).findFirst().orElse(null);
                if (code == null) {
                    if (!"code".equals(declaredIds.get(name))) {
                        fields.problem(at + "/codes/" + i, "unknown code \"" + name + "\"");
                    }
                    ok = false;
                } else if (spansOnly && code.kind() != CodeKind.SPAN) {
                    fields.problem(at + "/codes/" + i, "code \"" + name + "\" is a point code; a duration needs span codes");
                    ok = false;
                }
            }
            selection = ok ? CodeSelection.ofCodes(names) : null;
        } else {
            String group = fields.text(node, at, "group", true);
            if (group == null) {
                return null;
            }
            List<EventCode> members = codes.stream().filter(c -> group.equals(c.group())).toList();
            if (members.isEmpty()) {
                fields.problem(at + "/group", "unknown group \"" + group + "\": no code declares it");
                return null;
            }
            if (spansOnly && members.stream().anyMatch(c -> c.kind() != CodeKind.SPAN)) {
                fields.problem(at + "/group", "group \"" + group + "\" has point codes; a duration needs span codes");
                return null;
            }
            selection = CodeSelection.ofGroup(group);
        }
        return selection;
    }

    private List<String> resolve(CodeSelection selection) {
        if (selection.group() == null) {
            return selection.codes();
        }
        return codes.stream().filter(c -> selection.group().equals(c.group())).map(EventCode::id).toList();
    }
}

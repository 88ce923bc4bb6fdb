package org.earmark.bench;

/** A two-code codebook for benchmarks, so they do not depend on a file being present. */
final class BenchCodebook {
    private BenchCodebook() {
    }

    static String json() {
        return """
                {"id": "bench", "version": "1", "codes": [
                  {"id": "A", "label": "A", "definition": "a", "hotkey": "1", "colour": "#0072B2", "kind": "point"},
                  {"id": "B", "label": "B", "definition": "b", "hotkey": "2", "colour": "#D55E00", "kind": "point"},
                  {"id": "C", "label": "C", "definition": "c", "hotkey": "3", "colour": "#009E73", "kind": "point"}],
                 "metrics": [{"id": "a_count", "label": "A count", "type": "count", "codes": ["A"]}]}
                """;
    }
}

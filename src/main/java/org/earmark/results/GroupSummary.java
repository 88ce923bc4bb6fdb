package org.earmark.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Fidelity scores summarised by allocation group (arm, team…) after unblinding: n, mean,
 * standard deviation (n − 1) and median of each metric per group value.
 */
public final class GroupSummary {

    /** One metric in one group. n counts recordings where the metric is defined. */
    public record Row(String column, String group, String metric, int n, OptionalDouble mean, OptionalDouble sd,
            OptionalDouble median) {
    }

    private GroupSummary() {
    }

    public static List<Row> compute(List<FidelityTable.Row> fidelity, Map<String, Map<String, String>> allocation,
            List<String> columns) {
        List<Row> rows = new ArrayList<>();
        for (String column : columns) {
            Map<String, List<FidelityTable.Row>> groups = new TreeMap<>();
            for (FidelityTable.Row r : fidelity) {
                String group = allocation.getOrDefault(r.recording(), Map.of()).get(column);
                if (group != null) {
                    groups.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
                }
            }
            for (var g : groups.entrySet()) {
                Map<String, List<Double>> byMetric = new LinkedHashMap<>();
                for (FidelityTable.Row r : g.getValue()) {
                    r.metrics().forEach((m, v) -> {
                        List<Double> values = byMetric.computeIfAbsent(m, k -> new ArrayList<>());
                        if (v != null) {
                            values.add(v);
                        }
                    });
                }
                byMetric.forEach((metric, values) -> rows.add(describe(column, g.getKey(), metric, values)));
            }
        }
        return rows;
    }

    static Row describe(String column, String group, String metric, List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Row(column, group, metric, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).sum() / n;
        OptionalDouble sd = OptionalDouble.empty();
        if (n >= 2) {
            double ss = 0;
            for (double v : sorted) {
                ss += (v - mean) * (v - mean);
            }
            sd = OptionalDouble.of(Math.sqrt(ss / (n - 1)));
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Row(column, group, metric, n, OptionalDouble.of(mean), sd, OptionalDouble.of(median));
    }
}

package org.earmark.ui.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The Results tab's bar charts, drawn from the view model's rows: F1 per code, and each metric's mean per group. */
final class ResultCharts {

    private ResultCharts() {
    }

    static BarChart<String, Number> chart(String title, String x, String y) {
        CategoryAxis xAxis = new CategoryAxis();
        xAxis.setLabel(x);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        BarChart<String, Number> chart = new BarChart<>(xAxis, yAxis);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        return chart;
    }

    /** F1 of each code on a fixed 0–1 axis, so charts of two studies compare at a glance; codes without F1 left out. */
    static void drawF1(BarChart<String, Number> chart, List<ResultRows.Code> codes, String seriesName) {
        XYChart.Series<String, Number> f1 = new XYChart.Series<>();
        f1.setName(seriesName);
        for (ResultRows.Code c : codes) {
            if (c.f1Value().isPresent()) {
                f1.getData().add(new XYChart.Data<>(c.code(), c.f1Value().getAsDouble()));
            }
        }
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(1);
        y.setTickUnit(0.2);
        chart.getData().setAll(List.of(f1));
    }

    /** One small chart per metric: the mean of each group of allocation column {@code column}. */
    static List<Node> groupMeans(List<ResultRows.Summary> summary, String column, String meanLabel) {
        Map<String, XYChart.Series<String, Number>> byMetric = new LinkedHashMap<>();
        for (ResultRows.Summary s : summary) {
            if (!s.column().equals(column) || s.meanValue().isEmpty()) {
                continue;
            }
            byMetric.computeIfAbsent(s.metric(), m -> new XYChart.Series<>()).getData()
                    .add(new XYChart.Data<>(s.group(), s.meanValue().getAsDouble()));
        }
        List<Node> charts = new ArrayList<>();
        byMetric.forEach((metric, series) -> {
            series.setName(metric);
            BarChart<String, Number> chart = chart(metric, column, meanLabel);
            chart.setLegendVisible(false);
            chart.setPrefSize(420, 240);
            chart.getData().add(series);
            charts.add(chart);
        });
        return charts;
    }
}

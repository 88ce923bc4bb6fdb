package org.earmark.ui.results;

import static org.earmark.ui.study.shared.Tables.column;
import static org.earmark.ui.study.shared.Tables.number;
import static org.earmark.ui.study.shared.Tables.wide;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.study.shared.JobBar;
import org.earmark.ui.study.shared.Screen;

/**
 * The Results tab: agreement (tables and an F1 chart per code), fidelity per recording with a
 * source selector, unblinding behind a confirmation that names what it reveals, group summaries
 * with a chart of the mean per group, and export. It only wires; state is in the view model.
 */
public final class ResultsView implements Screen {

    private final ResultsViewModel model;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final java.util.function.Supplier<Window> owner;
    private final ComboBox<String> groupColumn = new ComboBox<>();
    private final javafx.scene.layout.TilePane groupCharts = new javafx.scene.layout.TilePane(8, 8);
    private final BarChart<String, Number> codeChart;

    public ResultsView(ResultsViewModel model, ResourceBundle text, ErrorReporter errors) {
        this.model = model;
        this.text = text;
        this.owner = () -> root.getScene() == null ? null : root.getScene().getWindow();
        model.setOnError((doing, e) -> errors.show(owner.get(), doing, e));
        codeChart = ResultCharts.chart(text.getString("results.chart.f1"), text.getString("results.chart.code"),
                text.getString("results.chart.f1Axis"));
        codeChart.setId("results-f1-chart");
        groupCharts.setId("results-group-charts");
        groupCharts.setPrefColumns(3);

        TabPane inner = new TabPane(tab("agreement", agreementPane()), tab("fidelity", fidelityPane()),
                tab("groups", groupsPane()));
        inner.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("results");
        root.setTop(toolBar());
        root.setCenter(inner);
        root.setBottom(new JobBar(model.jobProperty(), model.statusProperty(), text, "results"));

        model.perCode().addListener((ListChangeListener<ResultRows.Code>) c -> drawCodeChart());
        model.summary().addListener((ListChangeListener<ResultRows.Summary>) c -> drawGroupChart());
        model.allocationColumns().addListener((ListChangeListener<String>) c -> {
            String chosen = groupColumn.getValue();
            groupColumn.getItems().setAll(model.allocationColumns());
            groupColumn.setValue(model.allocationColumns().contains(chosen) ? chosen
                    : model.allocationColumns().isEmpty() ? null : model.allocationColumns().get(0));
        });
        groupColumn.valueProperty().addListener((o, old, now) -> drawGroupChart());
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        model.refreshIfStale();
    }

    @Override
    public void studyChanged() {
        model.markStale();
        if (root.getScene() != null && root.getParent() != null && root.getParent().isVisible()) {
            model.refresh(); // on show: computed again at once
        }
    }

    @Override
    public void close() {
        var job = model.jobProperty().get();
        if (job != null) {
            job.cancel();
        }
    }

    private Tab tab(String id, Node content) {
        Tab tab = new Tab(text.getString("results.tab." + id), content);
        tab.setId("results-tab-" + id);
        return tab;
    }

    private ToolBar toolBar() {
        Spinner<Double> tolerance = new Spinner<>();
        tolerance.setId("results-tolerance");
        tolerance.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 600,
                model.toleranceProperty().get(), 0.5));
        tolerance.setEditable(true);
        tolerance.setPrefWidth(90);
        tolerance.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.toleranceProperty().set(now);
                model.refresh();
            }
        });
        Button recompute = new Button(text.getString("results.action.recompute"));
        recompute.setId("results-recompute");
        recompute.setOnAction(e -> model.refresh());
        recompute.disableProperty().bind(model.busyProperty());
        Button unblind = unblindButton("results-unblind-top");
        Button export = new Button(text.getString("results.action.export"));
        export.setId("results-export");
        export.setOnAction(e -> export());
        export.disableProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(new Label(text.getString("results.tolerance")), tolerance,
                new Label(text.getString("results.tolerance.unit")), recompute, spacer, unblind, export);
    }

    private Button unblindButton(String id) {
        Button unblind = new Button(text.getString("results.action.unblind"));
        unblind.setId(id);
        unblind.setOnAction(e -> confirmUnblind());
        unblind.disableProperty().bind(model.busyProperty().or(model.loadedProperty().not()));
        unblind.visibleProperty().bind(model.unblindedProperty().not());
        unblind.managedProperty().bind(unblind.visibleProperty());
        return unblind;
    }

    private Node agreementPane() {
        Label summary = new Label();
        summary.setId("results-agreement-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.agreementSummaryProperty());

        TableView<ResultRows.Stat> overall = new TableView<>(model.overall());
        overall.setId("results-overall");
        overall.getColumns().setAll(List.of(column(text.getString("results.column.statistic"), ResultRows.Stat::statistic),
                number(text.getString("results.column.value"), ResultRows.Stat::value)));
        sized(overall, 7);
        overall.setPrefWidth(380);
        overall.setMinWidth(340);
        HBox top = new HBox(12, overall, codeChart);
        HBox.setHgrow(codeChart, Priority.ALWAYS);
        codeChart.setPrefHeight(240);

        TableView<ResultRows.Code> codes = new TableView<>(model.perCode());
        codes.setId("results-per-code");
        codes.getColumns().setAll(List.of(
                column(text.getString("results.column.code"), ResultRows.Code::code),
                wide(column(text.getString("results.column.label"), ResultRows.Code::label), 230),
                number(text.getString("results.column.both"), ResultRows.Code::both),
                number(text.getString("results.column.first"), ResultRows.Code::first),
                number(text.getString("results.column.second"), ResultRows.Code::second),
                number(text.getString("results.column.precision"), ResultRows.Code::precision),
                number(text.getString("results.column.recall"), ResultRows.Code::recall),
                number(text.getString("results.column.f1"), ResultRows.Code::f1),
                wide(number(text.getString("results.column.countsIcc"), ResultRows.Code::countsIcc), 220)));
        sized(codes, 6);

        TableView<ResultRows.Recording> recordings = new TableView<>(model.perRecording());
        recordings.setId("results-per-recording");
        recordings.getColumns().setAll(List.of(
                column(text.getString("results.column.recording"), ResultRows.Recording::recording),
                column(text.getString("results.column.coders"), ResultRows.Recording::coders),
                number(text.getString("results.column.pairs"), r -> Long.toString(r.pairs())),
                number(text.getString("results.column.agreed"), r -> Long.toString(r.agreed())),
                number(text.getString("results.column.unpaired"), r -> Long.toString(r.unpaired())),
                number(text.getString("results.column.percent"), ResultRows.Recording::percent),
                number(text.getString("results.column.kappa"), ResultRows.Recording::kappa),
                number(text.getString("results.column.alpha"), ResultRows.Recording::alpha)));
        sized(recordings, 6);

        TableView<ResultRows.Metric> metrics = new TableView<>(model.metricAgreement());
        metrics.setId("results-metric-agreement");
        metrics.getColumns().setAll(List.of(
                wide(column(text.getString("results.column.metric"), ResultRows.Metric::label), 320),
                wide(number(text.getString("results.column.icc"), ResultRows.Metric::icc), 220),
                number(text.getString("results.column.alphaInterval"), ResultRows.Metric::alpha),
                number(text.getString("results.column.n"), m -> Integer.toString(m.n()))));
        sized(metrics, 5);

        Label note = new Label(text.getString("results.agreement.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox box = new VBox(8, summary, top, heading("results.heading.perCode"), codes,
                heading("results.heading.perRecording"), recordings, heading("results.heading.metrics"), metrics, note);
        box.setStyle("-fx-padding: 8;");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Label heading(String key) {
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("title-4");
        return l;
    }

    private static void sized(TableView<?> table, int rows) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(28);
        table.setPrefHeight(32 + rows * 28);
        table.setMinHeight(32 + 2 * 28);
    }

    private Node fidelityPane() {
        ComboBox<ResultRows.Source> source = new ComboBox<>(model.sources());
        source.setId("results-source");
        source.valueProperty().bindBidirectional(model.sourceProperty());
        TableView<ResultRows.Fidelity> table = new TableView<>(model.fidelity());
        table.setId("results-fidelity");
        table.setPlaceholder(new Label(text.getString("results.fidelity.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Runnable columns = () -> {
            table.getColumns().setAll(List.of(
                    column(text.getString("results.column.recording"), ResultRows.Fidelity::recording),
                    column(text.getString("results.column.source"), ResultRows.Fidelity::source)));
            Map<String, String> labels = model.metricLabels();
            int i = 0;
            for (String metric : model.metricIds()) {
                int index = i++;
                TableColumn<ResultRows.Fidelity, String> c = wide(number(labels.getOrDefault(metric, metric),
                        r -> r.values().get(index)), 170);
                table.getColumns().add(c);
            }
        };
        columns.run();
        Label hint = new Label(text.getString("results.fidelity.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        HBox top = new HBox(8, new Label(text.getString("results.source")), source);
        top.setStyle("-fx-alignment: center-left;");
        VBox box = new VBox(8, top, hint, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setStyle("-fx-padding: 8;");
        return box;
    }

    private Node groupsPane() {
        Label blinding = new Label();
        blinding.setId("results-blinding");
        blinding.setWrapText(true);
        blinding.textProperty().bind(model.blindingTextProperty());
        Button unblind = unblindButton("results-unblind");

        groupColumn.setId("results-group-column");
        HBox chooser = new HBox(8, new Label(text.getString("results.groups.column")), groupColumn);
        chooser.setStyle("-fx-alignment: center-left;");
        chooser.visibleProperty().bind(model.unblindedProperty());
        chooser.managedProperty().bind(chooser.visibleProperty());

        TableView<ResultRows.Summary> table = new TableView<>(model.summary());
        table.setId("results-summary");
        table.setPlaceholder(new Label(text.getString("results.groups.blind")));
        table.getColumns().setAll(List.of(
                column(text.getString("results.column.allocationColumn"), ResultRows.Summary::column),
                column(text.getString("results.column.group"), ResultRows.Summary::group),
                wide(column(text.getString("results.column.metric"), ResultRows.Summary::metric), 340),
                number(text.getString("results.column.n"), s -> Integer.toString(s.n())),
                number(text.getString("results.column.mean"), ResultRows.Summary::mean),
                number(text.getString("results.column.sd"), ResultRows.Summary::sd),
                number(text.getString("results.column.median"), ResultRows.Summary::median)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.visibleProperty().bind(model.unblindedProperty());
        table.managedProperty().bind(table.visibleProperty());
        groupCharts.visibleProperty().bind(model.unblindedProperty());
        groupCharts.managedProperty().bind(groupCharts.visibleProperty());
        sized(table, 10);
        VBox box = new VBox(8, blinding, unblind, chooser, groupCharts, table);
        box.setStyle("-fx-padding: 8;");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void drawCodeChart() {
        ResultCharts.drawF1(codeChart, model.perCode(), text.getString("results.column.f1"));
    }

    private void drawGroupChart() {
        groupCharts.getChildren().setAll(ResultCharts.groupMeans(model.summary(), groupColumn.getValue(),
                text.getString("results.chart.mean")));
    }

    private void confirmUnblind() {
        ButtonType reveal = new ButtonType(text.getString("results.unblind.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, model.unblindQuestion(), reveal, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(text.getString("results.unblind.title"));
        alert.setHeaderText(text.getString("results.unblind.header"));
        alert.getDialogPane().setId("unblind-dialog");
        alert.getDialogPane().setMinWidth(520);
        alert.getDialogPane().lookupButton(reveal).setId("unblind-confirm");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(reveal)).setDefaultButton(false);
        alert.showAndWait().filter(b -> b == reveal).ifPresent(b -> model.unblind());
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.getString("results.export.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("XLSX", "*.xlsx"));
        chooser.setInitialFileName("results.xlsx");
        File xlsx = chooser.showSaveDialog(owner.get());
        if (xlsx == null) {
            return;
        }
        ButtonType withCsv = new ButtonType(text.getString("results.export.withCsv"), ButtonBar.ButtonData.YES);
        ButtonType xlsxOnly = new ButtonType(text.getString("results.export.xlsxOnly"), ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text.getString("results.export.csvQuestion"), withCsv,
                xlsxOnly, ButtonType.CANCEL);
        ask.initOwner(owner.get());
        ask.setHeaderText(text.getString("results.export.csvHeader"));
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == ButtonType.CANCEL) {
            return;
        }
        File csvDir = null;
        if (answer == withCsv) {
            DirectoryChooser dirs = new DirectoryChooser();
            dirs.setTitle(text.getString("results.export.csvFolder"));
            csvDir = dirs.showDialog(owner.get());
            if (csvDir == null) {
                return;
            }
        }
        java.nio.file.Path xlsxPath = xlsx.toPath().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                ? xlsx.toPath() : xlsx.toPath().resolveSibling(xlsx.getName() + ".xlsx");
        model.export(xlsxPath, csvDir == null ? null : csvDir.toPath());
    }
}

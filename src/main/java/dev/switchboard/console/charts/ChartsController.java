package dev.switchboard.console.charts;

import dev.switchboard.console.history.BackendHistory;
import dev.switchboard.console.shell.ConsoleModel;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.history.SeriesBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;

/**
 * Requests/s, latency and error rate per backend over the history window. Series are rebuilt with one setAll per
 * interval from the bounded buffers; the x axis is seconds before the newest point.
 */
public final class ChartsController {

    @FXML
    private StackedAreaChart<Number, Number> rateChart;
    @FXML
    private LineChart<Number, Number> latencyChart;
    @FXML
    private LineChart<Number, Number> errorChart;
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    private ConsoleModel model;

    /** @param showing whether the charts are on screen: hidden charts are not redrawn, and catch up when shown */
    public void init(ConsoleModel consoleModel, ObservableBooleanValue showing) {
        model = consoleModel;
        model.intervalsProperty().addListener((obs, was, now) -> {
            if (showing.get()) {
                redraw();
            }
        });
        showing.addListener((obs, was, now) -> {
            if (now) {
                redraw();
            }
        });
        model.selectedGatewayProperty().addListener((obs, was, now) -> {
            series.clear();
            rateChart.getData().clear();
            latencyChart.getData().clear();
            errorChart.getData().clear();
        });
    }

    private void redraw() {
        GatewayHistory history = model.history();
        double now = history.latestMillis() / 1000.0;
        history.stats().forEach((backend, h) -> {
            fill(rateChart, backend, "", h, BackendHistory::rate, now);
            fill(latencyChart, backend, " p50", h, BackendHistory::p50, now);
            fill(latencyChart, backend, " p99", h, BackendHistory::p99, now);
            fill(errorChart, backend, "", h, BackendHistory::errorRate, now);
        });
    }

    private void fill(XYChart<Number, Number> chart, String backend, String suffix, BackendHistory h,
                      Function<BackendHistory, SeriesBuffer> buffer, double now) {
        XYChart.Series<Number, Number> s = series.computeIfAbsent(chart.getId() + backend + suffix, key -> {
            XYChart.Series<Number, Number> added = new XYChart.Series<>();
            added.setName(backend + suffix);
            chart.getData().add(added);
            return added;
        });
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(buffer.apply(h).size());
        buffer.apply(h).forEach((t, v) -> points.add(new XYChart.Data<>(t - now, v)));
        s.getData().setAll(points);
    }
}

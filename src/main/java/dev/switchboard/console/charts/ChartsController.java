package dev.switchboard.console.charts;

import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.shell.ConsoleModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The Charts tab: requests/s, latency and failures per backend of the selected gateway, redrawn at most once a
 * second of new statistics and only while shown (hidden charts catch up when shown).
 */
public final class ChartsController {

    @FXML
    private LiveChart rateChart;
    @FXML
    private LiveChart latencyChart;
    @FXML
    private LiveChart failureChart;
    @FXML
    private ComboBox<ChartsViewModel.Range> range;
    @FXML
    private TextField prometheusUrl;
    @FXML
    private Label source;
    private ConsoleModel model;
    private ChartsViewModel charts;
    private ObservableBooleanValue showing;

    /** @param showing whether the charts are on screen */
    public void init(ConsoleModel consoleModel, ChartsViewModel viewModel, ObservableBooleanValue shown) {
        model = consoleModel;
        charts = viewModel;
        showing = shown;
        range.getItems().setAll(ChartsViewModel.Range.values());
        range.valueProperty().bindBidirectional(charts.rangeProperty());
        prometheusUrl.textProperty().bindBidirectional(charts.prometheusUrlProperty());
        prometheusUrl.setOnAction(e -> redraw());
        source.textProperty().bind(charts.statusProperty());
        charts.rateProperty().addListener((obs, was, now) -> rateChart.show(now));
        charts.latencyProperty().addListener((obs, was, now) -> latencyChart.show(now));
        charts.failuresProperty().addListener((obs, was, now) -> failureChart.show(now));
        model.intervalsProperty().addListener((obs, was, now) -> {
            if (showing.get() && !charts.rangeProperty().get().needsPrometheus()) {
                redraw();
            }
        });
        showing.addListener((obs, was, now) -> {
            if (now) {
                redraw();
            }
        });
        charts.rangeProperty().addListener((obs, was, now) -> redraw());
        model.selectedGatewayProperty().addListener((obs, was, now) -> {
            charts.gatewayChanged();
            redraw();
        });
    }

    private void redraw() {
        GatewayFrame frame = model.selectedFrame();
        if (frame != null) {
            charts.show(frame.gatewayId(), frame.configId(), model.history());
        }
    }
}

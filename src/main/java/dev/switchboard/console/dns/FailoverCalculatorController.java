package dev.switchboard.console.dns;

import dev.switchboard.console.common.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** A profile's failover calculator: the settings to try, the worst case broken down, and warnings with reasons. */
public final class FailoverCalculatorController {

    @FXML
    private CheckBox monitored;
    @FXML
    private Spinner<Double> interval;
    @FXML
    private Spinner<Integer> tolerated;
    @FXML
    private Spinner<Double> timeout;
    @FXML
    private Spinner<Integer> ttl;
    @FXML
    private Label summary;
    @FXML
    private Label detection;
    @FXML
    private Label caching;
    @FXML
    private VBox warnings;
    private FailoverCalculator model;

    /** The calculator's view over {@code calculator}; its controls' ids end in {@code key}. */
    static Node load(FailoverCalculator calculator, String key) {
        FXMLLoader loader = new FXMLLoader(FailoverCalculatorController.class.getResource("/fxml/dns/failover-calculator.fxml"));
        try {
            Node view = loader.load();
            loader.<FailoverCalculatorController>getController().init(calculator, key);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the failover calculator's FXML", e);
        }
    }

    private void init(FailoverCalculator calculator, String key) {
        model = calculator;
        monitored.selectedProperty().bindBidirectional(calculator.monitoredProperty());
        seconds(interval, calculator.intervalSecondsProperty().get());
        seconds(timeout, calculator.timeoutSecondsProperty().get());
        tolerated.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 9, 0));
        ttl.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 0, 10));
        integers(tolerated);
        integers(ttl);
        interval.getValueFactory().valueProperty().bindBidirectional(calculator.intervalSecondsProperty());
        timeout.getValueFactory().valueProperty().bindBidirectional(calculator.timeoutSecondsProperty());
        tolerated.getValueFactory().valueProperty().bindBidirectional(calculator.toleratedFailuresProperty());
        ttl.getValueFactory().valueProperty().bindBidirectional(calculator.ttlSecondsProperty());
        for (Node n : new Node[] {interval, tolerated, timeout}) {
            n.disableProperty().bind(calculator.monitoredProperty().not());
        }
        monitored.setId("calc-monitored-" + key);
        interval.setId("calc-interval-" + key);
        tolerated.setId("calc-tolerated-" + key);
        timeout.setId("calc-timeout-" + key);
        ttl.setId("calc-ttl-" + key);
        warnings.setId("calc-warnings-" + key);
        summary.textProperty().bind(calculator.summaryProperty());
        detection.textProperty().bind(calculator.detectionProperty());
        caching.textProperty().bind(calculator.cachingProperty());
        calculator.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
        showWarnings();
    }

    private void showWarnings() {
        warnings.getChildren().setAll(model.warnings().stream().map(w -> {
            Label l = new Label("\u26a0 " + w);
            l.setWrapText(true);
            l.getStyleClass().add("calc-warning");
            return (Node) l;
        }).toList());
    }

    @FXML
    private void reset() {
        model.reset();
    }

    /** Seconds with fractions where a profile has them (probes every 0.2 s), stepping by whole seconds. */
    private static void seconds(Spinner<Double> spinner, double initial) {
        spinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.1, 86_400, initial, 1));
        lenient(spinner, Double::valueOf, DurationText::seconds);
    }

    private static void integers(Spinner<Integer> spinner) {
        lenient(spinner, Integer::valueOf, String::valueOf);
    }

    /** Typing something that is not a number keeps the value the spinner had, instead of throwing. */
    private static <T> void lenient(Spinner<T> spinner, Function<String, T> parse, Function<T, String> format) {
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : format.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text.strip());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
    }
}

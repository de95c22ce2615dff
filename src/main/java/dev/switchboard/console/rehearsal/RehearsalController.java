package dev.switchboard.console.rehearsal;

import dev.switchboard.rehearsal.RehearsalResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * The Rehearse view: edit or open a scenario, rehearse it against the selected gateway's config or the Config tab's
 * draft, with Switchboard's or APIM's semantics, and see the traffic share chart, breaker strips and the summary.
 */
public final class RehearsalController {

    /** The chart shows at most this many points per backend; longer runs are averaged into buckets. */
    private static final int MAX_POINTS = 600;
    private static final double STRIP_WIDTH = 600;
    private static final double STRIP_HEIGHT = 12;

    @FXML
    private BorderPane root;
    @FXML
    private ChoiceBox<RehearsalViewModel.Source> sourceChoice;
    @FXML
    private CheckBox apimCheck;
    @FXML
    private Button openButton;
    @FXML
    private Button runButton;
    @FXML
    private Label statusLabel;
    @FXML
    private TextArea scenarioText;
    @FXML
    private ListView<String> problemList;
    @FXML
    private LineChart<Number, Number> shareChart;
    @FXML
    private VBox stripsBox;
    @FXML
    private TextArea summaryText;
    private RehearsalViewModel model;

    /** Loads the view; call {@link #init} on the returned controller before showing {@link #root()}. */
    public static RehearsalController load() {
        FXMLLoader loader = new FXMLLoader(RehearsalController.class.getResource("/fxml/rehearsal/rehearsal.fxml"));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.getController();
    }

    public Parent root() {
        return root;
    }

    public void init(RehearsalViewModel viewModel) {
        model = viewModel;
        sourceChoice.setItems(FXCollections.observableArrayList(RehearsalViewModel.Source.values()));
        sourceChoice.valueProperty().bindBidirectional(model.sourceProperty());
        apimCheck.selectedProperty().bindBidirectional(model.apimProperty());
        scenarioText.textProperty().bindBidirectional(model.scenarioProperty());
        problemList.setItems(model.problems());
        statusLabel.textProperty().bind(model.statusProperty());
        summaryText.textProperty().bind(model.summaryProperty());
        runButton.disableProperty().bind(model.runningProperty());
        model.resultProperty().addListener((obs, was, now) -> show(now));
    }

    @FXML
    private void rehearse() {
        model.run();
    }

    @FXML
    private void openScenario() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario JSON", "*.json"));
        var file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            open(file.toPath());
        }
    }

    private void open(Path file) {
        try {
            model.open(file);
        } catch (IOException e) {
            model.problems().setAll("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void show(RehearsalResult result) {
        shareChart.getData().clear();
        for (RehearsalCharts.ShareSeries s : RehearsalCharts.shares(result)) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.backend());
            int bucket = Math.max(1, (s.percent().length + MAX_POINTS - 1) / MAX_POINTS);
            for (int start = 0; start < s.percent().length; start += bucket) {
                double sum = 0;
                int end = Math.min(s.percent().length, start + bucket);
                for (int i = start; i < end; i++) {
                    sum += s.percent()[i];
                }
                series.getData().add(new XYChart.Data<>(start, sum / (end - start)));
            }
            shareChart.getData().add(series);
        }
        stripsBox.getChildren().clear();
        for (RehearsalCharts.Strip strip : RehearsalCharts.strips(result)) {
            Label name = new Label(strip.backend());
            name.setMinWidth(140);
            stripsBox.getChildren().add(new HBox(8, name, canvas(strip.segments())));
        }
    }

    private static Canvas canvas(List<RehearsalCharts.Segment> segments) {
        Canvas canvas = new Canvas(STRIP_WIDTH, STRIP_HEIGHT);
        double end = segments.getLast().until().toNanos();
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (RehearsalCharts.Segment s : segments) {
            double x = STRIP_WIDTH * s.from().toNanos() / end;
            double w = Math.max(1, STRIP_WIDTH * (s.until().toNanos() - s.from().toNanos()) / end);
            g.setFill(colour(s.state()));
            g.fillRect(x, 0, w, STRIP_HEIGHT);
        }
        return canvas;
    }

    private static Color colour(String state) {
        return switch (state) {
            case "OPEN" -> Color.web("#e53935");
            case "HALF_OPEN" -> Color.web("#ffb300");
            case "FORCED_OPEN" -> Color.web("#8e24aa");
            case "FORCED_CLOSED" -> Color.web("#1e88e5");
            default -> Color.web("#43a047");
        };
    }
}

package dev.switchboard.console.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.testing.FxClick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Rehearse view, headless: the seed story's scenario typed into it, rehearsed with APIM semantics against the
 * "selected gateway's" config (the seed config), shows the summary, a share series per backend and breaker strips;
 * a broken scenario lists its problems by line and column.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalViewTest {

    private static final Path DIR = Path.of("test-data/scenarios");

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private RehearsalViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        GatewayConfig config = ConfigLoader.load(DIR.resolve("regional-failover.config.json")).orThrow();
        model = new RehearsalViewModel(() -> CompletableFuture.completedFuture(config), () -> null, worker, Platform::runLater);
        RehearsalController view = RehearsalController.load();
        view.init(model);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void apimRehearsalShowsFourAttemptsSharesAndBreakerStrips(FxRobot robot) throws Exception {
        String scenario = Files.readString(DIR.resolve("regional-failover.json"));
        robot.interact(() -> robot.lookup("#scenarioText").queryAs(TextArea.class).setText(scenario));
        FxClick.clickOn(robot, "APIM semantics");
        FxClick.clickOn(robot, "#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#summaryText").queryAs(TextArea.class).getText().isEmpty());

        assertThat(robot.lookup("#summaryText").queryAs(TextArea.class).getText())
                .contains("Rehearsal with APIM semantics").contains("first request:        4 attempt(s)");
        LineChart<?, ?> chart = robot.lookup("#shareChart").queryAs(LineChart.class);
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("func-primary", "func-secondary");
        VBox strips = robot.lookup("#stripsBox").queryAs(VBox.class);
        assertThat(strips.getChildren()).hasSize(2);
        assertThat(((HBox) strips.getChildren().getFirst()).getChildren().get(1)).isInstanceOf(Canvas.class);
        assertThat(RehearsalCharts.strips(model.resultProperty().get()).getFirst().segments())
                .extracting(RehearsalCharts.Segment::state).containsExactly("CLOSED", "OPEN", "CLOSED", "OPEN");
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("rehearsed 30 requests");
    }

    @Test
    void aBrokenScenarioListsItsProblems(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#scenarioText").queryAs(TextArea.class)
                .setText("{ \"duration\": \"PT10S\", \"rate\": 1, \"path\": \"/\",\n  \"backends\": { \"nope\": [] } }"));
        FxClick.clickOn(robot, "#runButton");
        ListView<?> problems = robot.lookup("#problemList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());

        assertThat(problems.getItems()).singleElement().asString()
                .startsWith("2:17: backends.nope: unknown backend \"nope\"");
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).isEqualTo("not rehearsed: 1 problem(s)");
    }
}

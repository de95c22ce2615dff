package dev.switchboard.console.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.testing.FxClick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !onFx(() -> robot.lookup("#summaryText").queryAs(TextArea.class).getText()).isEmpty());

        assertThat(onFx(() -> robot.lookup("#summaryText").queryAs(TextArea.class).getText()))
                .contains("Rehearsal with APIM semantics").contains("first request:        4 attempt(s)");
        assertThat(onFx(() -> {
            LineChart<?, ?> chart = robot.lookup("#shareChart").queryAs(LineChart.class);
            return chart.getData().stream().map(series -> series.getName()).toList();
        })).containsExactly("func-primary", "func-secondary");
        List<Node> strips = onFx(() -> List.copyOf(robot.lookup("#stripsBox").queryAs(VBox.class).getChildren()));
        assertThat(strips).hasSize(2);
        assertThat(onFx(() -> ((HBox) strips.getFirst()).getChildren().get(1))).isInstanceOf(Canvas.class);
        assertThat(RehearsalCharts.strips(model.resultProperty().get()).getFirst().segments())
                .extracting(RehearsalCharts.Segment::state).containsExactly("CLOSED", "OPEN", "CLOSED", "OPEN");
        assertThat(onFx(() -> robot.lookup("#statusLabel").queryLabeled().getText())).startsWith("rehearsed 30 requests");
    }

    @Test
    void aBrokenScenarioListsItsProblems(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#scenarioText").queryAs(TextArea.class)
                .setText("{ \"duration\": \"PT10S\", \"rate\": 1, \"path\": \"/\",\n  \"backends\": { \"nope\": [] } }"));
        FxClick.clickOn(robot, "#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !onFx(() -> List.copyOf(robot.lookup("#problemList").queryAs(ListView.class).getItems())).isEmpty());

        assertThat(onFx(() -> List.copyOf(robot.lookup("#problemList").queryAs(ListView.class).getItems()))).singleElement().asString()
                .startsWith("2:17: backends.nope: unknown backend \"nope\"");
        assertThat(onFx(() -> robot.lookup("#statusLabel").queryLabeled().getText())).isEqualTo("not rehearsed: 1 problem(s)");
    }

    /** Reads the window on the FX thread: the rehearsal's result fills it while the test reads. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}

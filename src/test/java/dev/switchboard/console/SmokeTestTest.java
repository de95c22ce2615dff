package dev.switchboard.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --smoke-test}: success once every tab has been drawn, failure on an FX-thread error or a timeout. */
@ExtendWith(ApplicationExtension.class)
class SmokeTestTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CountDownLatch quit = new CountDownLatch(1);
    private final CompletableFuture<Integer> hardExit = new CompletableFuture<>();
    private Stage stage;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tabs = new TabPane(new Tab("One", new Label("1")), new Tab("Two", new Label("2")), new Tab("Three", new Label("3")));
        stage.setTitle("Smoke window");
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    private SmokeTest smokeTest(Duration timeout) {
        return new SmokeTest(new PrintWriter(out, true), new PrintWriter(err, true), timeout, hardExit::complete);
    }

    @Test
    void aDrawnWindowPassesAfterEveryTabWasShown() throws Exception {
        SmokeTest smoke = smokeTest(Duration.ofSeconds(30));
        smoke.startTimer();

        Platform.runLater(() -> smoke.windowShown(stage, quit::countDown));

        assertThat(quit.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(smoke.exitCode()).isZero();
        assertThat(out.toString()).isEqualTo("smoke test: main window shown: Smoke window (3 tabs drawn)" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(hardExit).isNotDone();
    }

    @Test
    void anErrorOnTheFxThreadFailsWithTheError() throws Exception {
        SmokeTest smoke = smokeTest(Duration.ofSeconds(30));

        Platform.runLater(() -> {
            smoke.windowShown(stage, quit::countDown);
            AtomicBoolean thrown = new AtomicBoolean();
            tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (!thrown.getAndSet(true)) {
                    throw new IllegalStateException("tab failed to draw");
                }
            });
        });

        assertThat(quit.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(smoke.exitCode()).isEqualTo(SmokeTest.FAILED);
        assertThat(err.toString()).startsWith("smoke test failed: java.lang.IllegalStateException: tab failed to draw");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aWindowNeverDrawnTimesOutAndEndsTheProcess() throws Exception {
        SmokeTest smoke = smokeTest(Duration.ofMillis(200));

        smoke.startTimer();

        assertThat(hardExit.get(10, TimeUnit.SECONDS)).isEqualTo(SmokeTest.TIMED_OUT);
        assertThat(smoke.exitCode()).isEqualTo(SmokeTest.TIMED_OUT);
        assertThat(err.toString()).isEqualTo("smoke test failed: the main window was not drawn within 200 ms" + System.lineSeparator());
    }

    @Test
    void aToolkitThatQuitsBeforeTheWindowIsDrawnFails() {
        SmokeTest smoke = smokeTest(Duration.ofSeconds(30));

        assertThat(smoke.exitCode()).isEqualTo(SmokeTest.FAILED);
        assertThat(err.toString()).contains("the console quit before its main window was drawn");
    }
}

package dev.switchboard.console;

import dev.switchboard.console.shell.MainWindow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/** "The launch operators actually do": the window is up, saying it is starting, before the demo is. */
@ExtendWith(ApplicationExtension.class)
class ConsoleStartupTest {

    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void theWindowShowsItsStartingStateWhileTheDemoStartsThenTheMainWindow(FxRobot robot) throws Exception {
        CountDownLatch demoMayStart = new CountDownLatch(1);
        CompletableFuture<MainWindow> opened = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> ConsoleStartup.begin(stage, () -> {
            try {
                demoMayStart.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ConsoleSession.demo(50);
        }, null, () -> true, opened::complete, opened::completeExceptionally)).get();

        assertThat(onFxGet(stage::isShowing)).as("window showing before the demo started").isTrue();
        Label starting = onFxGet(() -> (Label) stage.getScene().lookup("#starting"));
        assertThat(onFxGet(starting::getText)).startsWith("Starting the embedded gateway");
        assertThat(opened).isNotDone();

        demoMayStart.countDown();
        MainWindow window = opened.get(60, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> onFx(() -> stage.getScene().lookup("#gateway-list") != null));
            assertThat(onFxGet(() -> stage.getScene().lookup("#starting"))).isNull();
        } finally {
            LiveWindow.close(window, window.session());
        }
    }
}

package dev.switchboard.console;

import dev.switchboard.console.common.PngWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes target/screenshots/main-window.png after the demo ran a few seconds, then dns-tab.png (the README's and
 * docs/dns.md's images come from them).
 */
class MainWindowScreenshotTest extends WindowTest {

    @Start
    void start(Stage s) {
        open(s, 300);
    }

    @Test
    void writesAScreenshotOfTheMainWindowWithMovingGraphs(FxRobot robot) throws Exception {
        // Every graph moves within 2 s of launch: the first intervals arrive after about one second.
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> window.model().intervalsProperty().get() >= 1);
        session.simulators().get("orders-east-1").updateBehavior(b -> b.withStatus(503));
        WaitForAsyncUtils.sleep(8, TimeUnit.SECONDS);
        assertThat(Files.size(snapshot("main-window.png"))).isGreaterThan(10_000);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(Files.size(snapshot("dns-tab.png"))).isGreaterThan(10_000);
    }

    private Path snapshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        Path file = Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            PngWriter.write(image, out);
        }
        return file;
    }
}

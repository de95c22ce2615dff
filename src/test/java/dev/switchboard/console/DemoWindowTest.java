package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static dev.switchboard.console.LiveWindow.close;

/**
 * A window test over the embedded demo (200 requests/s unless a test asks otherwise), a fresh console per test. TestFX finds {@code @Start} only
 * among a test class's own methods, so each subclass declares one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DemoWindowTest {

    static final String EAST_1 = "orders-east-1";
    static final String EAST_2 = "orders-east-2";

    ConsoleSession session;
    MainWindow window;
    Stage stage;

    void open(Stage stage) {
        open(stage, 200);
    }

    /** @param rate the demo's traffic generator, requests per second */
    void open(Stage stage, double rate) {
        this.stage = stage;
        session = ConsoleSession.demo(rate);
        window = ConsoleAssembly.open(stage, session);
    }

    @AfterEach
    void stop() throws Exception {
        close(window, session);
    }
}

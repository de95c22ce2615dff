package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static dev.switchboard.console.LiveWindow.close;

/**
 * A window test, a fresh console per test: over the embedded demo (200 requests/s unless a test asks otherwise), or
 * with no embedded gateway for tests that connect the remote ones they need. TestFX finds {@code @Start} only
 * among a test class's own methods, so each subclass declares one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

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
        open(stage, ConsoleSession.demo(rate));
    }

    void openRemoteOnly(Stage stage) {
        open(stage, ConsoleSession.remoteOnly());
    }

    private void open(Stage stage, ConsoleSession session) {
        this.stage = stage;
        this.session = session;
        window = ConsoleAssembly.open(stage, session);
    }

    @AfterEach
    void stop() throws Exception {
        close(window, session);
    }
}

package dev.switchboard.console;

import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static dev.switchboard.console.LiveWindow.close;

/**
 * A window test with no embedded gateway: the test connects the remote ones it needs, a fresh console per test.
 * TestFX finds {@code @Start} only among a test class's own methods, so each subclass declares one that calls
 * {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RemoteWindowTest {

    ConsoleSession session;
    MainWindow window;

    void open(Stage stage) {
        session = ConsoleSession.remoteOnly();
        window = ConsoleAssembly.open(stage, session);
    }

    @AfterEach
    void stop() throws Exception {
        close(window, session);
    }
}

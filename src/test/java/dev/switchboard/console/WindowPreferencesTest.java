package dev.switchboard.console;

import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.shell.ConsoleAssembly;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.console.shell.PreferencesStore;
import java.nio.file.Path;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.close;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 13, "Habits not met": the window opens maximised once, then as it was left: size, splits, theme, gateway. */
@ExtendWith(ApplicationExtension.class)
class WindowPreferencesTest {

    private static final String REMOTE = "shop-remote";

    @TempDir
    Path dir;
    private Stage first;

    @Start
    void start(Stage stage) {
        first = stage;
    }

    @Test
    void opensMaximisedFirstThenAtTheLastSizeWithItsSplitsThemeAndGateway(FxRobot robot) throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("config").resolve("console.json"));
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            ConsoleSession session = session(store, remote);
            // Read and left in one go, before a pulse draws it: headless glass cannot blit a maximised window.
            boolean[] maximisedAtFirst = new boolean[1];
            MainWindow window = onFxGet(() -> {
                MainWindow opened = ConsoleAssembly.open(first, session);
                maximisedAtFirst[0] = first.isMaximized();
                first.setMaximized(false);
                first.setX(20);
                first.setY(30);
                first.setWidth(900);
                first.setHeight(650);
                return opened;
            });
            assertThat(maximisedAtFirst[0]).as("maximised on the first run").isTrue();
            SplitPane split = onFxGet(() -> (SplitPane) first.getScene().lookup("#gateways-split"));
            assertThat(onFxGet(() -> split.lookup("#gateway-list"))).as("the gateway pane is in a split").isNotNull();
            WaitForAsyncUtils.asyncFx(() -> split.setDividerPositions(0.3)).get();
            robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
            // The remote gateway is listed from the start (the session has it); the operator picks it.
            WaitForAsyncUtils.asyncFx(() -> window.model().selectedGatewayProperty().set(REMOTE)).get();
            close(window, session);
            WaitForAsyncUtils.asyncFx(first::hide).get();

            ConsoleSession again = session(store, remote);
            Stage second = onFxGet(() -> new Stage());
            MainWindow reopened = WaitForAsyncUtils.asyncFx(() -> ConsoleAssembly.open(second, again)).get();
            try {
                assertThat(onFxGet(second::isMaximized)).isFalse();
                assertThat(onFxGet(second::getWidth)).isEqualTo(900.0);
                assertThat(onFxGet(second::getHeight)).isEqualTo(650.0);
                assertThat(onFxGet(second::getX)).isEqualTo(20.0);
                assertThat(onFxGet(() -> ((SplitPane) second.getScene().lookup("#gateways-split"))
                        .getDividerPositions()[0])).isCloseTo(0.3, within(0.02));
                assertThat(onFxGet(() -> second.getScene().getStylesheets()))
                        .anyMatch(s -> s.endsWith("/styles/dark.css"));
                assertThat(onFxGet(() -> reopened.model().selectedGatewayProperty().get())).isEqualTo(REMOTE);
            } finally {
                close(reopened, again);
                WaitForAsyncUtils.asyncFx(second::hide).get();
            }
        }
    }

    private static ConsoleSession session(PreferencesStore store, RemoteGatewayHarness remote) {
        ConsoleSession session = ConsoleSession.demo(50).preferring(store);
        session.add(new RemoteGatewayFeed(REMOTE, remote.telemetry(), RemoteGatewayHarness.TOKEN));
        return session;
    }
}

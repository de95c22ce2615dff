package dev.switchboard.console;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.scrollIntoView;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, health: a backend whose p99 nears the timeout its route gives it is flagged on its card in plain words,
 * on the embedded demo's gateway and on a remote one (the timeout travels in the telemetry state). Real gateways,
 * real simulated backends made slow, real requests.
 */
class P99NearTimeoutWindowTest extends WindowTest {

    /** Slow enough to be near a 2 s per-try timeout, fast enough never to reach it. */
    private static final Duration SLOW = Duration.ofMillis(1800);
    private static final String NEAR = "p99 1\\.[89] s near the 2 s timeout";

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        open(stage, 100);
    }

    @Test
    void aBackendWhoseP99NearsItsTimeoutIsFlaggedOnItsCard(FxRobot robot) throws Exception {
        withTwoSecondTimeouts(session.embeddedGateway());
        slow(session.simulators().get("catalog-1"));

        assertFlagged(robot, "catalog-catalog-1", "catalog-1");
    }

    @Test
    void aRemoteGatewaySendsTheTimeoutSoItsCardIsFlaggedToo(FxRobot robot) throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            withTwoSecondTimeouts(remote.gateway);
            slow(remote.red);
            selectRemote(robot, window, remote, "remote");

            assertFlagged(robot, "shop-red", "red");
        }
    }

    private static void withTwoSecondTimeouts(Gateway gateway) {
        String json = ConfigWriter.toJson(gateway.config()).replaceAll("\"perTry\" : \"PT\\d+S\"", "\"perTry\" : \"PT2S\"");
        gateway.applyConfig(ConfigLoader.parse(json).orThrow());
    }

    private static void slow(SimBackend backend) {
        backend.updateBehavior(b -> b.withLatency(SLOW));
    }

    private static void assertFlagged(FxRobot robot, String card, String backendId) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#outlier-" + card));
        scrollIntoView(robot, "#card-" + card);
        Label outlier = find(robot, "#outlier-" + card, Label.class);
        Label health = find(robot, "#health-" + card, Label.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> outlier.isVisible()
                    && outlier.getText().matches(backendId + ": " + NEAR + " for \\d+ s.*")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the card says \"" + onFxGet(outlier::getText) + "\", numbers \""
                    + onFxGet(() -> find(robot, "#numbers-" + card, Label.class).getText()) + "\"", e);
        }
        assertThat(onFxGet(() -> health.getStyleClass())).contains("health-orange");
    }
}

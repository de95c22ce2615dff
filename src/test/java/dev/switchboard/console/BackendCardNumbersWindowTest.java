package dev.switchboard.console;

import dev.switchboard.testing.FxClick;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
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
 * "What was seen" 1: catalog-1 answered 100% 503, later hung, had no breaker rule, and its card stayed green with
 * nothing to read. Driven through the embedded demo's real gateway, real simulated backends and real requests.
 */
class BackendCardNumbersWindowTest extends WindowTest {

    private static final String CARD = "catalog-catalog-1";

    @Start
    void start(Stage stage) {
        open(stage, 200);
    }

    @Test
    void aBackendAnswering503WithoutABreakerRuleShowsItsNumbersAndIsFlaggedNotGreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#health-" + CARD));
        scrollIntoView(robot, "#card-" + CARD);
        Label numbers = find(robot, "#numbers-" + CARD, Label.class);
        Label health = find(robot, "#health-" + CARD, Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> numbers.getText().matches("(?s).*[1-9][0-9.]* req/s.*")));
        assertThat(onFxGet(() -> health.getStyleClass())).contains("health-green");

        session.simulators().get("catalog-1").updateBehavior(b -> b.withStatus(503));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> numbers.getText().contains("5xx 100%")));
        assertThat(onFxGet(numbers::getText)).contains("2xx 0%", "p50 ", "p99 ", "retries ", "in flight ", "timeouts ",
                "conn errors ");
        assertThat(onFxGet(() -> health.getStyleClass())).contains("health-red").doesNotContain("health-green");
        Label outlier = find(robot, "#outlier-" + CARD, Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> outlier.isVisible()
                && outlier.getText().matches("catalog-1: 100% 5xx for [1-9]\\d* s, no breaker rule")));
        assertThat(onFxGet(() -> find(robot, "#since-" + CARD, Label.class).getText())).matches(".*\\d+ s.*");
        assertThat(present(robot, "#sparkline-" + CARD)).isTrue();

        CheckBox onlyProblems = find(robot, "#only-problems", CheckBox.class);
        FxClick.clickOn(robot, onlyProblems);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !shown(robot, "#card-catalog-catalog-2"));
        assertThat(shown(robot, "#card-" + CARD)).isTrue();
        assertThat(shown(robot, "#card-orders-orders-east-1")).isFalse();
    }

    @Test
    void aHangingBackendShowsAttemptsInFlightWithoutCompletionsAndIsFlaggedHung(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#health-" + CARD));
        scrollIntoView(robot, "#card-" + CARD);
        Label numbers = find(robot, "#numbers-" + CARD, Label.class);

        session.simulators().get("catalog-1").updateBehavior(b -> b.withHang(true));

        Label outlier = find(robot, "#outlier-" + CARD, Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> outlier.isVisible()
                && outlier.getText().matches("catalog-1: hung, [1-9]\\d* in flight and no answer for [1-9]\\d* s, no breaker rule")));
        assertThat(onFxGet(numbers::getText)).matches("(?s).*in flight [1-9]\\d*.*");
        assertThat(onFxGet(() -> find(robot, "#health-" + CARD, Label.class).getStyleClass())).contains("health-red");
    }

    @Test
    void aRemoteGatewaysBackendFailingWithoutARuleIsFlaggedFromItsCountersOverTheSocket(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, "shop-remote");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#numbers-shop-blue"));
            Label numbers = find(robot, "#numbers-shop-blue", Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> numbers.getText().matches("(?s)[1-9][0-9.]* req/s.*")));

            remote.blue.updateBehavior(b -> b.withStatus(503));

            Label outlier = find(robot, "#outlier-shop-blue", Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> outlier.isVisible()
                    && outlier.getText().matches("blue: 100% 5xx for [1-9]\\d* s, no breaker rule")));
            assertThat(onFxGet(() -> find(robot, "#health-shop-blue", Label.class).getStyleClass())).contains("health-red");
        }
    }

    /** In the scene graph and visible with all its parents (a filtered-out card is not shown). */
    private static boolean shown(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(BackendCardNumbersWindowTest::visible).orElse(false));
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}

package dev.switchboard.console;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.history.BreakerHistory;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.testing.TcpRelay;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.connectThrough;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "What was seen" 5, against a real remote gateway that is stopped and started again: while it is gone its
 * views stop claiming live numbers, the badge says so in the right colour, the timeline marks the gap; once it is
 * back the badge is LIVE in green, and the audit entries the console missed appear in Events once, next to the ones
 * it saw live (also once).
 */
class StalenessWindowTest extends WindowTest {

    private static final String NAME = "shop";
    private static final PseudoClass NOT_LIVE = PseudoClass.getPseudoClass("not-live");

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void aStoppedGatewayFreezesGreyAndAfterItsRestartMissedAuditEntriesAreMergedOnce(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             TcpRelay path = new TcpRelay(remote.admin.port())) {
            RemoteGatewayFeed feed = connectThrough(window, path, NAME);
            waitFor(60, () -> badgeIs("LIVE", "conn-live") && throughput().matches("[1-9]\\d* req/s answered"));
            feed.control().setWeight("shop", "red", 40).get(10, TimeUnit.SECONDS);
            waitFor(10, () -> operatorRows("red").size() == 1);

            remote.stopGateway();
            path.cut();
            waitFor(30, () -> badgeIs("DISCONNECTED", "conn-disconnected") || badgeIs("CONNECTING", "conn-connecting"));
            assertThat(throughput()).startsWith("no live numbers: " + NAME);
            TabPane tabs = find(robot, ".tab-pane", TabPane.class);
            assertThat(onFxGet(() -> tabs.getPseudoClassStates().contains(NOT_LIVE))).isTrue();
            BreakerTimeline timeline = find(robot, ".breaker-timeline", BreakerTimeline.class);
            waitFor(5, () -> timeline.drawnState("red") == null);

            remote.restartGateway();
            try (RemoteGatewayFeed other = new RemoteGatewayFeed("other", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
                other.start(new RecordingFeedListener());
                waitFor(30, () -> setWeight(other));
            }
            path.restore();

            waitFor(60, () -> badgeIs("LIVE", "conn-live") && throughput().endsWith("req/s answered"));
            waitFor(10, () -> operatorRows("blue").size() == 1);
            assertThat(operatorRows("red")).hasSize(1);
            assertThat(onFxGet(() -> tabs.getPseudoClassStates().contains(NOT_LIVE))).isFalse();
            // The history from before the outage is still there, with the gap in it.
            List<BreakerHistory.Segment> red = onFxGet(() -> window.model().history().breakers().get("red").segments());
            assertThat(red).anyMatch(BreakerHistory.Segment::gap);
            assertThat(red.getFirst().gap()).isFalse();
            assertThat(red.getLast().gap()).isFalse();
        }
    }

    /** A change made while the console could not see the gateway (once the restarted gateway answers). */
    private static boolean setWeight(RemoteGatewayFeed other) {
        try {
            other.control().setWeight("shop", "blue", 30).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private List<ConsoleEvent> operatorRows(String backend) throws Exception {
        return onFxGet(() -> window.model().events().shown().stream()
                .filter(e -> e.kind() == EventKind.OPERATOR && e.message().contains("shop/" + backend)).toList());
    }

    private boolean badgeIs(String text, String styleClass) throws Exception {
        return onFx(() -> badge().map(b -> b.getText().equals(text) && b.getStyleClass().contains(styleClass)).orElse(false));
    }

    /** The gateway's badge; empty until the list has laid out its cell (the gateway is listed before it answers). */
    private Optional<Label> badge() {
        return new FxRobot().lookup("#gateway-list .state-chip").tryQuery().map(Label.class::cast);
    }

    private String throughput() throws Exception {
        return onFxGet(() -> new FxRobot().lookup(".status-bar .label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t != null && (t.contains("req/s") || t.startsWith("no live")))
                .findFirst().orElse(""));
    }

    /** Waits; on a timeout says what the window showed. */
    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; badge " + onFxGet(() -> badge().map(b -> b.getText() + " " + b.getStyleClass()).orElse("not shown")
                    + " (" + window.model().gateways().rows().getFirst().stateReasonProperty().get() + ")")
                    + ", throughput '" + throughput() + "', operator rows " + operatorRows("red") + operatorRows("blue"), e);
        }
    }
}

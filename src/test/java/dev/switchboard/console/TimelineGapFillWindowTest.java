package dev.switchboard.console;

import dev.switchboard.console.history.BreakerHistory.Segment;
import dev.switchboard.console.timeline.TimeText;
import dev.switchboard.console.timeline.TimelineModel;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.testing.TcpRelay;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.connectThrough;
import static dev.switchboard.console.LiveWindow.firstGatewayLive;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Staleness": a console cut off from a real remote gateway that keeps running, while an operator forces a
 * breaker open and closed again there. Once the path is back, the timeline's gap holds what the gateway recorded in
 * it, marked as not seen live, and live data follows it.
 */
class TimelineGapFillWindowTest extends WindowTest {

    private static final String NAME = "shop";

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void aBreakerTheGatewayOpenedAndClosedWhileTheConsoleWasCutOffIsDrawnIntoTheGap(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             TcpRelay path = new TcpRelay(remote.admin.port())) {
            connectThrough(window, path, NAME);
            waitFor(60, () -> live() && !red().isEmpty());

            path.cut();
            waitFor(30, () -> !live() && red().getLast().gap());
            remote.gateway.engine().forceBreaker("red", ForceAction.OPEN);
            // Open for at least a millisecond of the gateway's clock: two changes in one millisecond are one segment
            // (RingSeedTest), and a CI run once forced both within one.
            long forcedOpen = System.currentTimeMillis();
            while (System.currentTimeMillis() < forcedOpen + 2) {
                Thread.onSpinWait();
            }
            remote.gateway.engine().forceBreaker("red", ForceAction.CLOSED);
            path.restore();

            waitFor(60, () -> live() && !red().getLast().gap());
            List<Segment> red = red();
            int gap = indexOfLastGap(red);
            assertThat(red.subList(gap + 1, red.size())).as("after the gap: %s", red)
                    .anySatisfy(s -> assertThat(s.state()).isEqualTo(BreakerState.FORCED_OPEN))
                    .first().satisfies(s -> assertThat(s.recovered()).isTrue());
            assertThat(red.getLast().recovered()).as("live again").isFalse();
            Segment opened = red.stream().filter(s -> s.state() == BreakerState.FORCED_OPEN).findFirst().orElseThrow();
            TimelineModel.Span span = onFxGet(() -> new TimelineModel().rows(window.model().history().breakers(),
                    window.model().nowMillis())).stream().filter(r -> r.backendId().equals("red")).findFirst().orElseThrow()
                    .at(TimelineModel.Band.BREAKER, opened.startMillis()).orElseThrow();
            assertThat(TimelineModel.describe(span, new TimeText(opened.startMillis(), ZoneOffset.UTC)))
                    .contains("breaker", "FORCED_OPEN", "recorded by the gateway while the console had no live data");
        }
    }

    private static int indexOfLastGap(List<Segment> segments) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).gap()) {
                return i;
            }
        }
        throw new AssertionError("no gap in " + segments);
    }

    private List<Segment> red() throws Exception {
        return onFxGet(() -> {
            var h = window.model().history();
            return h == null || h.breakers().get("red") == null ? List.<Segment>of() : h.breakers().get("red").segments();
        });
    }

    private boolean live() throws Exception {
        return firstGatewayLive(window);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; red's timeline: " + red(), e);
        }
    }
}

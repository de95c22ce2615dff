package dev.switchboard.console;

import dev.switchboard.console.history.BreakerHistory.Segment;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.console.timeline.TimelineModel.Band;
import dev.switchboard.console.timeline.TimelineModel.Span;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.breaker.BreakerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "What was seen" 3: a console started after a real remote gateway's backend tripped, and after an operator
 * disabled and re-enabled another, draws that OPEN span and keeps that DISABLED stretch in the history the timeline
 * draws, both from before it connected, taken from the snapshot's event ring (admin changes from its audit records).
 */
class TimelineSeedWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void aTripAndAnAdminChangeBeforeTheConsoleStartedAreSpansOnTheTimeline(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             RemoteGatewayFeed operator = new RemoteGatewayFeed("operator", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            operator.start(new RecordingFeedListener());
            remote.red.updateBehavior(b -> b.withStatus(503));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> redBreaker(remote) == BreakerState.OPEN);
            remote.red.reset();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> setAdminState(operator, AdminState.DISABLED));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> setAdminState(operator, AdminState.ENABLED));
            long beforeConnect = System.currentTimeMillis();

            RemoteGatewayFeed feed = new RemoteGatewayFeed("shop", remote.telemetry(), RemoteGatewayHarness.TOKEN);
            WaitForAsyncUtils.asyncFx(() -> window.connect(feed)).get();
            BreakerTimeline timeline = find(robot, ".breaker-timeline", BreakerTimeline.class);
            // The canvas is sized by layout after the first frame: wait until red's row can be pointed at.
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFxGet(() -> drawnBreakerSpans(timeline, "red")).isEmpty());

            List<Span> red = onFxGet(() -> drawnBreakerSpans(timeline, "red"));
            assertThat(red).as("breaker spans drawn for red").anySatisfy(s -> {
                assertThat(s.state()).isEqualTo(BreakerState.OPEN);
                assertThat(s.startMillis()).isLessThan(beforeConnect);
                assertThat(s.began().reason()).contains("five-xx");
            });
            // Disabled for milliseconds, a second before connecting: narrower than a pixel of the 15 min window.
            List<Segment> history = onFxGet(() -> window.model().history().breakers().get("blue").segments());
            assertThat(history).as("blue's seeded history, drawn by the timeline").anySatisfy(s -> {
                assertThat(s.adminState()).isEqualTo(AdminState.DISABLED);
                assertThat(s.startMillis()).isLessThan(beforeConnect);
                // The audit record and the engine's availability event land in the same millisecond or two: the
                // segment keeps whichever reason the ring ordered last.
                assertThat(s.reason()).isIn("tester: setAdminState blue", "disabled by operator");
            });
        }
    }

    private static BreakerState redBreaker(RemoteGatewayHarness remote) {
        return remote.gateway.engine().snapshot().backends().stream().filter(b -> b.id().equals("red")).findFirst()
                .orElseThrow().breaker();
    }

    /** Once the operator's model has the version the last change made (a stale base is refused). */
    private static boolean setAdminState(RemoteGatewayFeed operator, AdminState state) {
        try {
            operator.control().setAdminState("blue", state).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** What the canvas shows in {@code backend}'s breaker band, sampled across its width as a pointer would. */
    private static List<Span> drawnBreakerSpans(BreakerTimeline timeline, String backend) {
        List<Span> spans = new ArrayList<>();
        double width = timeline.canvas().getWidth();
        double height = timeline.canvas().getHeight();
        for (double y = 2; y < height; y += 30) {
            for (double x = 0; x < width; x += 2) {
                timeline.spanAt(x, y).filter(s -> s.band() == Band.BREAKER && s.backendId().equals(backend))
                        .filter(s -> !spans.contains(s)).ifPresent(spans::add);
            }
        }
        return spans;
    }
}

package dev.switchboard.console;

import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.console.timeline.TimelineModel.Band;
import dev.switchboard.console.timeline.TimelineModel.Span;
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
 * Issue 13, "What was seen" 3: a console started after a real remote gateway's backend tripped draws that OPEN span
 * from before it connected, taken from the snapshot's event ring.
 */
class TimelineSeedWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void aTripBeforeTheConsoleStartedIsAnOpenSpanOnTheTimeline(FxRobot robot, @TempDir Path dir) throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            remote.red.updateBehavior(b -> b.withStatus(503));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> redBreaker(remote) == BreakerState.OPEN);
            remote.red.reset();
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
        }
    }

    private static BreakerState redBreaker(RemoteGatewayHarness remote) {
        return remote.gateway.engine().snapshot().backends().stream().filter(b -> b.id().equals("red")).findFirst()
                .orElseThrow().breaker();
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

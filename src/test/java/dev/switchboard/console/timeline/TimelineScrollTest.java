package dev.switchboard.console.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.timeline.TimelineModel.Span;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A pool of 50 backends in a window of ordinary height: every row can be reached by scrolling, the time axis stays in
 * view, and the canvas is only as tall as the room it has (it used to be 50 rows tall and clipped, the rows past the
 * window out of reach).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineScrollTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final int BACKENDS = 50;

    private BreakerTimeline timeline;

    @Start
    void start(Stage stage) {
        timeline = new BreakerTimeline();
        stage.setScene(new Scene(new VBox(timeline), 900, 500));
        stage.show();
    }

    @Test
    void fiftyRowsScrollUnderAFixedAxisAndEveryRowCanBeReached(FxRobot robot) throws Exception {
        GatewayHistory history = new GatewayHistory();
        history.update(frame(T0));
        history.update(frame(T0 + 60_000));
        onFx(() -> {
            timeline.show(history, T0 + 60_000);
            return null;
        });
        // Looked up on the FX thread, which may be laying the timeline out meanwhile.
        ScrollBar rows = onFx(() -> robot.lookup(".breaker-timeline .scroll-bar").queryAs(ScrollBar.class));
        // Laid out for its rows on the next pulse: at least six rows of room, the rest behind the scroll bar.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(() -> rows.isVisible() && timeline.canvas().getHeight() >= 6 * BreakerTimeline.ROW_HEIGHT));
        assertThat(onFx(() -> timeline.canvas().getHeight())).isLessThan(500);
        double x = onFx(() -> timeline.canvas().getWidth()) - 20;
        assertThat(onFx(() -> rowAt(x, 5))).isEqualTo("b-0");
        assertThat(onFx(timeline::axisLabels)).last().isEqualTo("now");

        // The wheel scrolls by rows; the bar's end shows the last backend in the last row of the room.
        onFx(() -> {
            timeline.canvas().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false,
                    false, false, 0, -40, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
        assertThat(onFx(() -> rowAt(x, 5))).isEqualTo("b-3");
        onFx(() -> {
            rows.setValue(rows.getMax());
            return null;
        });
        int room = onFx(() -> (int) rows.getVisibleAmount());
        assertThat(onFx(() -> rowAt(x, (room - 1) * BreakerTimeline.ROW_HEIGHT + 5))).isEqualTo("b-" + (BACKENDS - 1));
        assertThat(onFx(() -> timeline.spanAt(x, room * BreakerTimeline.ROW_HEIGHT + 5))).isEmpty();
        // Rows out of view still report their state.
        assertThat(onFx(() -> timeline.drawnState("b-0"))).isEqualTo(BreakerState.CLOSED);
    }

    private String rowAt(double x, double y) {
        return timeline.spanAt(x, y).map(Span::backendId).orElse("nothing");
    }

    private static GatewayFrame frame(long at) {
        List<MemberFrame> members = IntStream.range(0, BACKENDS)
                .mapToObj(i -> Frames.member("b-" + i, 10, 1, Availability.AVAILABLE)).toList();
        Map<String, IntervalStats> stats = Map.of();
        return new GatewayFrame("gw", "cfg", ConnectionState.LIVE, "test", 1, "h", Instant.ofEpochMilli(at),
                members.stream().map(m -> Frames.backend(m.backendId(), BreakerState.CLOSED)).toList(),
                List.of(new PoolFrame("p", members)), at, stats, List.of());
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

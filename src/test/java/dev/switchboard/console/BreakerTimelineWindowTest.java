package dev.switchboard.console;

import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.console.timeline.TimelineModel.Span;
import dev.switchboard.console.timeline.Tone;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.testing.FxClick;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "What was seen" 3: the breaker timeline over the embedded demo, with a breaker tripped by real 503s.
 * Rows of at least 20 px, a time axis ending at "now", a legend, a tooltip naming transition, reason and rule,
 * availability and admin bands, zoom from 5 min to 1 h, and the trip's notification off the timeline.
 */
class BreakerTimelineWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage, 400);
    }

    @Test
    void aTripReadsOnTheTimelineWithAxisLegendTooltipBandsAndZoom(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#breaker-orders-" + EAST_1));
        BreakerTimeline timeline = find(robot, ".breaker-timeline", BreakerTimeline.class);
        FxClick.clickOn(robot, "Drills");
        FxClick.clickOn(robot, "#drill-answer_503");
        // Back to Pools as an operator does (Ctrl+1): the timeline draws only while it is on screen.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> timeline.drawnState(EAST_1) == BreakerState.OPEN));

        assertThat(onFxGet(timeline::axisLabels)).first().isEqualTo("\u221215 min");
        assertThat(onFxGet(timeline::axisLabels)).last().isEqualTo("now");
        zoom(robot, "#timeline-zoom-60m");
        assertThat(onFxGet(timeline::window)).isEqualTo(Duration.ofHours(1));
        assertThat(onFxGet(timeline::axisLabels)).first().isEqualTo("\u221260 min");
        zoom(robot, "#timeline-zoom-5m");
        assertThat(onFxGet(timeline::window)).isEqualTo(Duration.ofMinutes(5));
        assertThat(onFxGet(timeline::axisLabels)).first().isEqualTo("\u22125 min");
        assertThat(GatewayHistory.TIMELINE_WINDOW).isGreaterThanOrEqualTo(Duration.ofHours(1));

        // Just left of "now": 2 px, about 3 s at 5 min over the ~220 px strip of the default 1000 px window. The
        // history starts at the console's first frame, and on a quick run the trip came less than 3 s after it: the
        // row does not reach back to x until the open breaker has been drawn that long, so wait for it there.
        double x = onFxGet(() -> timeline.canvas().getWidth()) - 16;
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> rowTop(timeline, x)
                    .flatMap(top -> timeline.spanAt(x, top + 2)).map(s -> s.state() == BreakerState.OPEN).orElse(false)));
        } catch (TimeoutException e) {
            throw new AssertionError(onFxGet(() -> noOpenRow(timeline, x)), e);
        }
        double rowTop = onFxGet(() -> rowTop(timeline, x)).orElseThrow();
        // Rows at least 20 px: 21 px below the row's top is still the same backend.
        assertThat(onFxGet(() -> timeline.spanAt(x, rowTop + 21).map(Span::backendId))).contains(EAST_1);
        assertThat(onFxGet(() -> timeline.spanAt(x, rowTop + 20).map(Span::state)))
                .contains(Availability.UNAVAILABLE_BREAKER);
        assertThat(onFxGet(() -> timeline.spanAt(x, rowTop + 26).map(Span::state))).contains(AdminState.ENABLED);

        List<String> legend = onFxGet(() -> robot.lookup(".timeline-legend-item").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList());
        assertThat(legend).hasSize(Tone.values().length).contains(Tone.DOWN.legend(), Tone.NO_DATA.legend());

        // As with the zoom buttons, the robot's pointer did not reach the canvas headless: the move is fired at it.
        WaitForAsyncUtils.asyncFx(() -> {
            Point2D scene = timeline.canvas().localToScene(x, rowTop + 6);
            Point2D screen = timeline.canvas().localToScreen(x, rowTop + 6);
            timeline.canvas().fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), screen.getX(),
                    screen.getY(), MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false,
                    false, null));
        }).get();
        assertThat(onFxGet(timeline::tooltipText)).startsWith(EAST_1 + ": breaker ").contains(" \u2192 OPEN\n");
        assertThat(onFxGet(timeline::tooltipText)).containsPattern("\nreason: .*rule '").containsPattern("\nrule: \\S+");

        // The trip raised a notification: it must not cover the timeline.
        Bounds onScreen = onFxGet(() -> timeline.localToScreen(timeline.getBoundsInLocal()));
        List<Window> popups = onFxGet(() -> robot.listWindows().stream()
                .filter(w -> w != robot.window(0) && w.isShowing()).toList());
        for (Window w : popups) {
            assertThat(onFx(() -> onScreen.intersects(w.getX(), w.getY(), w.getWidth(), w.getHeight())))
                    .as("a notification window at %s,%s over the timeline %s", w.getX(), w.getY(), onScreen).isFalse();
        }
    }

    /**
     * Presses a zoom button. Fired rather than clicked: in the headless glass run the robot's clicks on these
     * buttons did not register (the button was topmost under the point; not understood yet), so its action stands in.
     */
    private static void zoom(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(ToggleButton.class).fire()).get();
    }

    /** The top of EAST_1's row, found through what the timeline says is drawn there; empty while nothing is. */
    private static Optional<Double> rowTop(BreakerTimeline timeline, double x) {
        for (double y = 0; y < timeline.canvas().getHeight(); y += 1) {
            if (timeline.spanAt(x, y).map(s -> s.backendId().equals(EAST_1)).orElse(false)) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }

    private static String noOpenRow(BreakerTimeline timeline, double x) {
        return EAST_1 + " has no open breaker on the timeline at x " + x + " of a canvas " + timeline.canvas().getWidth()
                + " x " + timeline.canvas().getHeight() + "; its row's top there: " + rowTop(timeline, x)
                + "; at y 5: " + timeline.spanAt(x, 5);
    }
}

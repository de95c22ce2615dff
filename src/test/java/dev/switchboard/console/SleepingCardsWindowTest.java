package dev.switchboard.console;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A gateway with 50 backends: the cards more than a screen from view hold none of their nodes, keep their place, and
 * are whole again by the time the operator scrolls to them.
 */
class SleepingCardsWindowTest extends WindowTest {

    private static final String FIRST = "#card-all-backend-00";
    private static final String LAST = "#card-all-backend-49";

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void cardsFarFromViewSleepAndWakeWhenScrolledTo(FxRobot robot) throws Exception {
        FleetGridWindowTest.SyntheticFeed feed = new FleetGridWindowTest.SyntheticFeed("gw-00");
        WaitForAsyncUtils.asyncFx(() -> window.connect(feed)).get();
        feed.push(1);
        feed.push(2);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> LiveWindow.present(robot, LAST));
        Parent first = find(robot, FIRST, Parent.class);
        Parent last = find(robot, LAST, Parent.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> last.getChildrenUnmodifiable().isEmpty()));
        assertThat(onFxGet(() -> first.getChildrenUnmodifiable())).isNotEmpty();
        double awakeHeight = onFxGet(() -> ((Region) first).getHeight());
        assertThat(onFxGet(() -> ((Region) last).getHeight())).as("an asleep card keeps its height").isEqualTo(awakeHeight);

        ScrollPane scroll = find(robot, "#poolsScroll", ScrollPane.class);
        onFx(() -> {
            scroll.setVvalue(scroll.getVmax());
            return true;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !last.getChildrenUnmodifiable().isEmpty()
                && first.getChildrenUnmodifiable().isEmpty()));
        assertThat(onFxGet(() -> robot.lookup("#numbers-all-backend-49").tryQuery().isPresent())).isTrue();
        feed.push(3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#numbers-all-backend-49")
                .queryLabeled().getText().contains("req/s")));
    }
}

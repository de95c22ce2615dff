package dev.switchboard.console;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.testing.FxClick;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, "Habits not met": the main window over the embedded demo and a remote gateway on real sockets. */
class HabitsWindowTest extends WindowTest {

    private static final String REMOTE = "shop-remote";

    @TempDir
    Path dir;

    @Start
    void start(Stage s) {
        open(s, 300);
    }

    @Test
    void filteringEventsByABackendKeepsTheOperatorRowsThatNameIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#weight-orders-" + EAST_1));
        window.model().control("embedded").setWeight("orders", EAST_1, 20).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                .anyMatch(e -> e.kind() == EventKind.OPERATOR && e.message().contains(EAST_1))));

        TextField filter = find(robot, "#backendFilter", TextField.class);
        WaitForAsyncUtils.asyncFx(() -> filter.setText(EAST_1)).get();

        List<ConsoleEvent> shown = onFxGet(() -> List.copyOf(window.model().events().shown()));
        assertThat(shown).as("events shown for backend filter '%s'", EAST_1)
                .anyMatch(e -> e.kind() == EventKind.OPERATOR && e.message().contains("weight of orders/" + EAST_1));
    }

    @Test
    void drillsFollowTheSelectedGatewayAndAreLoggedInEvents(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        Button answer503 = find(robot, "#drill-answer_503", Button.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> backend = onFxGet(() -> (ComboBox<String>) answer503.getParent().getParent()
                .lookup(".combo-box"));
        String target = onFxGet(backend::getValue);
        FxClick.clickOn(robot, answer503);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                .anyMatch(e -> e.backendId().equals(target) && e.message().contains("drill Answer 503"))));

        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, REMOTE);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(backend::isDisabled));
            assertThat(onFxGet(() -> List.copyOf(backend.getItems()))).as("drill backends with a remote gateway selected")
                    .isEmpty();
            assertThat(onFxGet(answer503::isDisabled)).isTrue();
            assertThat(onFxGet(() -> labelTexts(answer503.getParent().getParent())))
                    .anyMatch(t -> t.contains(REMOTE) && t.contains("control channel"));
        }
    }

    @Test
    void theDnsTabShowsWhereTheResponderListens(FxRobot robot) throws Exception {
        InetSocketAddress dns = session.embeddedGateway().dnsAddress();
        String address = dns.getHostString() + ":" + dns.getPort();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(() -> labelTexts(stage.getScene().getRoot()).stream().anyMatch(t -> t.contains(address))));

        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, REMOTE);
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> labelTexts(stage.getScene().getRoot())
                    .stream().anyMatch(t -> t.startsWith("DNS responder: not known"))));
        }
    }

    @Test
    void aNotificationNamesItsGatewayAndCoversNoData(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#weight-orders-" + EAST_1));
        session.simulators().get(EAST_1).updateBehavior(b -> b.withStatus(503));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> notice().isPresent()));
        Labeled notice = onFxGet(() -> notice().orElseThrow());
        assertThat(onFxGet(notice::getText)).contains("embedded").contains(EAST_1);
        assertThat(onFxGet(() -> Window.getWindows().stream().filter(Window::isShowing).count()))
                .as("windows showing (a popup notification is one more)").isEqualTo(1);
        BreakerTimeline timeline = onFxGet(() -> (BreakerTimeline) stage.getScene().getRoot().lookupAll("*").stream()
                .filter(BreakerTimeline.class::isInstance).findFirst().orElseThrow());
        Bounds noticeBounds = onFxGet(() -> notice.localToScene(notice.getBoundsInLocal()));
        Bounds timelineBounds = onFxGet(() -> timeline.localToScene(timeline.getBoundsInLocal()));
        assertThat(noticeBounds.intersects(timelineBounds)).as("notice %s over timeline %s", noticeBounds,
                timelineBounds).isFalse();
    }

    /** A label in the main window (not a popup) naming the tripped backend's gateway. */
    private Optional<Labeled> notice() {
        return stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains("BREAKER")
                        && l.getText().contains(EAST_1) && n.isVisible())
                .map(Labeled.class::cast).findFirst();
    }

    private static List<String> labelTexts(Node root) {
        return root instanceof Parent p ? p.lookupAll(".label").stream().filter(Labeled.class::isInstance)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList() : List.of();
    }
}

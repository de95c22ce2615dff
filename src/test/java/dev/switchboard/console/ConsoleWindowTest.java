package dev.switchboard.console;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.config.form.OutlineItem;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.timeline.BreakerTimeline;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.testing.FxClick;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import static dev.switchboard.console.LiveWindow.replaceText;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/** The main window over the embedded demo, driven headless through the real gateway and real requests. */
class ConsoleWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage, 400);
    }

    @Test
    void draggingAWeightAppliesItLiveAndTheDistributionFollowsAndUndoRestoresIt(FxRobot robot) throws Exception {
        assertThat(((Stage) robot.window(0)).getTitle()).startsWith("Switchboard");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#weight-orders-" + EAST_1));
        Slider slider = find(robot, "#weight-orders-" + EAST_1, Slider.class);
        Node thumb = slider.lookup(".thumb");

        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-slider.getWidth() * 0.4, 0).drop();

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> weight(EAST_1) < 25);
        int applied = weight(EAST_1);
        assertThat(applied).isBetween(1, 24);
        double target = applied / (applied + 50.0);
        // Actual share over the last 5 s of real requests through the gateway converges on the new split.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Math.abs(actualShare(robot, EAST_1) - target) < 0.07);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> weight(EAST_1) == 50);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> Math.round(slider.getValue()) == 50);
    }

    @Test
    void aBackendAnswering503ShowsItsBreakerOpenInThePoolViewAndTimelineWithinASecond(FxRobot robot) throws Exception {
        AtomicLong trippedAt = new AtomicLong();
        session.embeddedGateway().engine().addListener(e -> {
            if (e instanceof BreakerTransition t && t.backendId().equals(EAST_1) && t.to() == BreakerState.OPEN) {
                trippedAt.compareAndSet(0, System.nanoTime());
            }
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#breaker-orders-" + EAST_1));
        Label breaker = find(robot, "#breaker-orders-" + EAST_1, Label.class);
        BreakerTimeline timeline = find(robot, ".breaker-timeline", BreakerTimeline.class);
        AtomicLong shownAt = new AtomicLong();
        // Recorded on the FX thread the moment the label changes, so the test's polling does not add to it.
        WaitForAsyncUtils.asyncFx(() -> breaker.textProperty().addListener((obs, was, now) -> {
            if ("OPEN".equals(now)) {
                shownAt.compareAndSet(0, System.nanoTime());
            }
        })).get();
        FxClick.clickOn(robot, "Drills");
        FxClick.clickOn(robot, "#drill-answer_503");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> trippedAt.get() != 0 && shownAt.get() != 0);
        assertThat(TimeUnit.NANOSECONDS.toMillis(shownAt.get() - trippedAt.get())).isLessThan(1_000);
        // Back to Pools (Ctrl+1): the timeline draws only while it is on screen, and catches up as it comes back.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> onFx(() -> timeline.drawnState(EAST_1) == BreakerState.OPEN));
    }

    @Test
    void anInvalidEditShowsTheValidatorsMessageAndChangesNothing(FxRobot robot) throws Exception {
        TextArea editor = openConfig(robot);
        long version = session.embeddedGateway().engine().version();
        String hash = session.embeddedGateway().engine().hash();

        FxClick.clickOn(robot, "Source");
        FxClick.clickOn(robot, editor);
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.write("x");
        FxClick.clickOn(robot, "Apply to gateway");

        String expected = ConfigLoader.parse(editor.getText()).problems().getFirst().message();
        @SuppressWarnings("unchecked")
        ListView<ConfigProblem> problems = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".list-view")
                .match(n -> n instanceof ListView<?> l && !l.getItems().isEmpty()
                        && l.getItems().getFirst() instanceof ConfigProblem).queryAs(ListView.class)).get();
        assertThat(problems.getItems().getFirst().message()).isEqualTo(expected);
        assertThat(onFx(() -> robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains(expected)).tryQuery().isPresent())).isTrue();
        assertThat(session.embeddedGateway().engine().version()).isEqualTo(version);
        assertThat(session.embeddedGateway().engine().hash()).isEqualTo(hash);
    }

    @Test
    void aPoolMemberWeightEditedInTheFormShowsInTheDiffAndAppliesToTheGateway(FxRobot robot) throws Exception {
        TextArea editor = openConfig(robot);
        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup(n -> n instanceof TreeCell<?> c
                && c.getItem() instanceof OutlineItem i && i.kind() == OutlineItem.Kind.POOL && i.id().equals("orders"))
                .<Node>query()).get());
        TextField weight = find(robot, "#field-backends-orders-pool-services-0-weight", TextField.class);
        assertThat(weight.getText()).isEqualTo("50");

        replaceText(robot, weight, "35");

        @SuppressWarnings("unchecked")
        ListView<String> diff = find(robot, ".config-diff", ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> diff.getItems().stream()
                .anyMatch(l -> l.startsWith("+") && l.contains("\"weight\" : 35"))));
        Button apply = find(robot, "#apply-config", Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !apply.isDisabled()));
        FxClick.clickOn(robot, apply);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#confirm-apply"));
        FxClick.clickOn(robot, "#confirm-apply");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> session.embeddedGateway().config().backend("orders").pool()
                .services().getFirst().weight() == 35);
        assertThat(session.embeddedGateway().config().backend(EAST_1).url()).as("nothing else changed")
                .isEqualTo(ConfigLoader.parse(editor.getText()).orThrow().backend(EAST_1).url());

        // A group heading selects nothing: the pool's form closes instead of staying open beside it.
        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup(n -> n instanceof TreeCell<?> c
                && OutlineItem.Kind.POOL.group().equals(c.getItem())).<Node>query()).get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !present(robot, "#field-backends-orders-pool-services-0-weight"));
    }

    @Test
    void anInvalidBreakerRuleValueShowsTheValidatorsMessageAtTheFieldAndApplyIsDisabled(FxRobot robot) throws Exception {
        TextArea editor = openConfig(robot);
        long version = session.embeddedGateway().engine().version();
        String hash = session.embeddedGateway().engine().hash();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> present(robot, "#field-backends-" + EAST_1 + "-circuitBreaker-rules-0-tripDuration"));
        TextField trip = find(robot, "#field-backends-" + EAST_1 + "-circuitBreaker-rules-0-tripDuration", TextField.class);

        replaceText(robot, trip, "soon");

        Label problem = find(robot, "#problem-backends-" + EAST_1 + "-circuitBreaker-rules-0-tripDuration", Label.class);
        // The field is checked as the operator types: wait for the message on the whole value, not on a prefix of it.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> problem.isVisible() && problem.getText().contains("\"soon\"")));
        String expected = ConfigLoader.parse(onFxGet(editor::getText)).problems().getFirst().message();
        assertThat(onFxGet(problem::getText)).isEqualTo(expected).contains("soon");
        assertThat(find(robot, "#apply-config", Button.class).isDisabled()).isTrue();
        // The menu's Ctrl+Enter reaches apply() all the same: it refuses.
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.embeddedGateway().engine().version()).isEqualTo(version);
        assertThat(session.embeddedGateway().engine().hash()).isEqualTo(hash);
    }

    @Test
    void aRemoteGatewayIsRemovedFromTheListAfterConfirmationAndTheEmbeddedOneIsNot(FxRobot robot) throws Exception {
        // Nothing listens there: the gateway is listed before it ever answers, and can still be removed.
        WaitForAsyncUtils.asyncFx(() -> window.connect(new RemoteGatewayFeed("dead-edge",
                java.net.URI.create("ws://127.0.0.1:9/telemetry"), "t"))).get();
        Button remove = find(robot, "#remove-gateway", Button.class);
        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#gateway-list").lookup("embedded").<Node>query()).get());
        assertThat(onFx(remove::isDisabled)).isTrue();

        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#gateway-list").lookup("dead-edge").<Node>query()).get());
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        FxClick.clickOn(robot, "OK");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> session.feeds().stream().noneMatch(f -> f.id().equals("dead-edge")));
        assertThat(onFx(() -> robot.lookup("#gateway-list").lookup("dead-edge").tryQuery().isEmpty())).isTrue();
        assertThat(window.model().selectedGatewayProperty().get()).isEqualTo("embedded");
    }

    @Test
    void aSecondHeadlessGatewayConnectedOverARealSocketShowsItsBackendsAndEvents(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, "shop-remote");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> present(robot, "#breaker-shop-red") && present(robot, "#breaker-shop-blue"));

            remote.red.updateBehavior(b -> b.withStatus(503));
            Label breaker = find(robot, "#breaker-shop-red", Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> "OPEN".equals(breaker.getText())));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                    .anyMatch(e -> e.gatewayId().equals("shop-remote") && e.backendId().equals("red")
                            && e.kind() == EventKind.BREAKER && e.message().contains("-> OPEN"))));
            // A command travels back over the socket: the remote engine's weight changes.
            Slider slider = find(robot, "#weight-shop-blue", Slider.class);
            robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-slider.getWidth() * 0.3, 0).drop();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> remote.gateway.engine().snapshot().pools().getFirst()
                    .members().stream().anyMatch(m -> m.backendId().equals("blue") && m.weight() < 40));
        }
    }

    private int weight(String backendId) {
        EngineSnapshot s = session.embeddedGateway().engine().snapshot();
        return s.pools().stream().filter(p -> p.id().equals("orders")).findFirst().orElseThrow().members().stream()
                .filter(m -> m.backendId().equals(backendId)).findFirst().orElseThrow().weight();
    }

    private static double actualShare(FxRobot robot, String backendId) throws Exception {
        @SuppressWarnings("unchecked")
        BarChart<Number, String> chart = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".chart")
                .match(n -> n instanceof BarChart).queryAs(BarChart.class)).get();
        return WaitForAsyncUtils.asyncFx(() -> chart.getData().getFirst().getData().stream()
                .filter(d -> d.getYValue().equals("orders/" + backendId))
                .mapToDouble(d -> d.getXValue().doubleValue() / 100).findFirst().orElse(-1)).get();
    }

    /** The Config tab once the gateway's config is loaded; returns the source editor. */
    private static TextArea openConfig(FxRobot robot) throws Exception {
        FxClick.clickOn(robot, "Config");
        TextArea editor = find(robot, ".config-editor", TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !editor.getText().isEmpty()));
        return editor;
    }
}

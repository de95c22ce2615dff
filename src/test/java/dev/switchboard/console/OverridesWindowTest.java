package dev.switchboard.console;

import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.rehearsal.WeightChange;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.FxClick;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.DemoOperator.dragWeightDown;
import static dev.switchboard.console.DemoOperator.weight;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "An applied config is silently shadowed": runtime overrides made visible, undone and cleared. Over the
 * embedded demo's real gateway, and a remote one over its control channel.
 */
class OverridesWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void undoOfASliderChangeLeavesNoOverrideSoALaterConfigWeightShows(FxRobot robot) throws Exception {
        dragWeightDown(robot, session, EAST_1);
        // The change is undoable once the gateway's acknowledgement reached the window.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !window.model().pools().undoStack().entries().isEmpty()));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> weight(session, EAST_1) == 50);

        Gateway gateway = session.embeddedGateway();
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", EAST_1, 20));

        assertThat(gateway.engine().overrides().entries()).as("undo restored the config's value, no override").isEmpty();
        assertThat(weight(session, EAST_1)).as("the applied config's weight is what the gateway uses").isEqualTo(20);
        Slider slider = find(robot, "#weight-orders-" + EAST_1, Slider.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Math.round(slider.getValue()) == 20));
    }

    @Test
    void anOverriddenWeightShowsABadgeWithTheConfigsValueAndClearingItFromTheListRestoresTheConfig(FxRobot robot)
            throws Exception {
        int set = dragWeightDown(robot, session, EAST_1);
        Label badge = find(robot, "#override-weight-orders-" + EAST_1, Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(badge::isVisible));
        assertThat(LiveWindow.<String>onFxGet(badge::getText)).isEqualTo("override: " + set + ", config says 50");
        assertThat(onFx(() -> find(robot, "#override-weight-orders-" + EAST_2, Label.class).isVisible())).isFalse();

        FxClick.clickOn(robot, "#show-overrides");
        @SuppressWarnings("unchecked")
        TableView<OverrideFrame> table = find(robot, "#overrides-table", TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 1));
        OverrideFrame listed = onFxGet(() -> table.getItems().getFirst());
        assertThat(listed).extracting(OverrideFrame::kind, OverrideFrame::pool, OverrideFrame::backend,
                OverrideFrame::value, OverrideFrame::configValue, OverrideFrame::setBy)
                .containsExactly("weight", "orders", EAST_1, Integer.toString(set), "50", "console");
        assertThat(listed.setAt()).isNotNull();

        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#overrides-table").lookup(EAST_1).<Node>query()).get());
        FxClick.clickOn(robot, "#clear-override");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> session.embeddedGateway().engine().overrides().entries().isEmpty());
        assertThat(weight(session, EAST_1)).isEqualTo(50);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !badge.isVisible() && table.getItems().isEmpty()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                .anyMatch(e -> e.kind() == EventKind.OPERATOR && e.message().contains("clearOverride orders/" + EAST_1))));
    }

    @Test
    void overridesOfARemoteGatewayAreListedAndClearedOverItsControlChannelAndAudited(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir)) {
            selectRemote(robot, window, remote, "shop-remote");
            remote.gateway.engine().setWeight("shop", "blue", 80);
            remote.gateway.engine().setAdminState("red", dev.switchboard.engine.AdminState.DRAIN);
            Label badge = find(robot, "#override-weight-shop-blue", Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(badge::isVisible));
            assertThat(LiveWindow.<String>onFxGet(badge::getText)).isEqualTo("override: 80, config says 50");
            Label admin = find(robot, "#override-adminState-shop-red", Label.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(admin::isVisible));
            assertThat(LiveWindow.<String>onFxGet(admin::getText)).isEqualTo("override: DRAIN, config says ENABLED");

            FxClick.clickOn(robot, "#show-overrides");
            @SuppressWarnings("unchecked")
            TableView<OverrideFrame> table = find(robot, "#overrides-table", TableView.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 2));
            FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#overrides-table").lookup("blue").<Node>query()).get());
            FxClick.clickOn(robot, "#clear-override");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> remote.gateway.engine().overrides().entries().size() == 1);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                    .anyMatch(e -> e.gatewayId().equals("shop-remote") && e.kind() == EventKind.OPERATOR
                            && e.message().contains("clearOverride shop/blue"))));

            FxClick.clickOn(robot, "#clear-all-overrides");
            FxClick.clickOn(robot, "#confirm-clear-all");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> remote.gateway.engine().overrides().entries().isEmpty());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !badge.isVisible() && !admin.isVisible()));
        }
    }
}

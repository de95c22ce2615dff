package dev.switchboard.console;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.config.form.OutlineItem;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.testing.FxClick;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.replaceText;

/** What an operator does to the demo's "orders" pool in the tests of overrides and the Config tab, and what it reads. */
final class DemoOperator {

    private DemoOperator() {
    }

    /** Drags a weight slider of the orders pool down and returns the weight the gateway took. */
    static int dragWeightDown(FxRobot robot, ConsoleSession session, String backendId) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#weight-orders-" + backendId));
        Slider slider = find(robot, "#weight-orders-" + backendId, Slider.class);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-slider.getWidth() * 0.4, 0).drop();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> weight(session, backendId) < 40);
        // Let the frame with the new weight reach the window before the caller acts on it.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> Math.round(slider.getValue()) == weight(session, backendId)));
        return weight(session, backendId);
    }

    static void editWeightInForm(FxRobot robot, int member, String value) throws Exception {
        FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup(n -> n instanceof TreeCell<?> c
                && c.getItem() instanceof OutlineItem i && i.kind() == OutlineItem.Kind.POOL && i.id().equals("orders"))
                .<Node>query()).get());
        TextField weight = find(robot, "#field-backends-orders-pool-services-" + member + "-weight", TextField.class);
        replaceText(robot, weight, value);
        @SuppressWarnings("unchecked")
        ListView<String> diff = find(robot, ".config-diff", ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> diff.getItems().stream()
                .anyMatch(l -> l.startsWith("+") && l.contains("\"weight\" : " + value))));
    }

    /** Clicks Apply and confirms; fails with the Config tab's status when no confirmation comes. */
    static void applyAndConfirm(FxRobot robot) throws Exception {
        Button apply = find(robot, "#apply-config", Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !apply.isDisabled()));
        FxClick.clickOn(robot, apply);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#confirm-apply"));
        } catch (TimeoutException e) {
            throw new AssertionError("no confirmation; the Config tab says: " + onFxGet(() -> robot.lookup(
                    n -> n instanceof Labeled l && l.getStyleClass().contains("config-status")).queryLabeled().getText()), e);
        }
        FxClick.clickOn(robot, "#confirm-apply");
    }

    static int weight(ConsoleSession session, String backendId) {
        EngineSnapshot s = session.embeddedGateway().engine().snapshot();
        return s.pools().stream().filter(p -> p.id().equals("orders")).findFirst().orElseThrow().members().stream()
                .filter(m -> m.backendId().equals(backendId)).findFirst().orElseThrow().weight();
    }

    static int configWeight(ConsoleSession session, String backendId) {
        GatewayConfig config = session.embeddedGateway().config();
        return config.backend("orders").pool().services().stream().filter(m -> m.backendId().equals(backendId))
                .findFirst().orElseThrow().effectiveWeight();
    }

    /** The Config tab once the gateway's config is loaded; returns the source editor. */
    static TextArea openConfig(FxRobot robot) throws Exception {
        FxClick.clickOn(robot, "Config");
        TextArea editor = find(robot, ".config-editor", TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !editor.getText().isEmpty()));
        return editor;
    }

    /** Opens the Config tab once the editor holds {@code gatewayId}'s config, as its status line says. */
    static TextArea openConfigOf(FxRobot robot, String gatewayId) throws Exception {
        TextArea editor = openConfig(robot);
        Labeled status = find(robot, ".config-status", Labeled.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> status.getText().endsWith(" from " + gatewayId)));
        } catch (TimeoutException e) {
            ListView<?> gateways = find(robot, "#gateway-list", ListView.class);
            throw new AssertionError("the Config tab never said it loaded from " + gatewayId + "; its status: '"
                    + onFxGet(status::getText) + "', the gateway list's selection: '"
                    + onFxGet(() -> gateways.getSelectionModel().getSelectedItem()) + "'", e);
        }
        return editor;
    }
}

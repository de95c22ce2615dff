package dev.switchboard.console;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.FxClick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.DemoOperator.openConfigOf;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.selectRemote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Overrides are first-class": an Apply to several gateways previews every one of them (its split before
 * and after, the overrides still winning there), and one whose dry run fails is shown as such and can be cancelled.
 * Two real gateways over their control channels on loopback.
 */
class MultiGatewayApplyPreviewTest extends WindowTest {

    /** One directory per gateway under it: each keeps its config file and audit log. */
    @TempDir
    Path dirs;

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void everyTickedGatewayIsPreviewedAndOneThatCannotDryRunIsShownAsFailed(FxRobot robot) throws Exception {
        try (RemoteGatewayHarness east = new RemoteGatewayHarness(Files.createDirectory(dirs.resolve("east")));
             RemoteGatewayHarness west = new RemoteGatewayHarness(Files.createDirectory(dirs.resolve("west")))) {
            // Another operator's override on west only: it will keep red at 80 there whatever the config says.
            west.gateway.engine().setWeight("shop", "red", 80);
            selectRemote(robot, window, west, "west");
            selectRemote(robot, window, east, "east");
            TextArea editor = openConfigOf(robot, "east");
            onFx(() -> {
                editor.setText(editor.getText().replaceFirst("\"weight\" : 50", "\"weight\" : 20"));
                return true;
            });
            onFx(() -> {
                CheckComboBox<String> also = robot.lookup(n -> n instanceof CheckComboBox<?>).query();
                also.getCheckModel().check("west");
                return true;
            });

            FxClick.clickOn(robot, "#apply-config");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#apply-preview-west"));
            assertThat(text(robot, "#apply-split-east")).contains("shop: red 50% -> 29%, blue 50% -> 71%");
            assertThat(text(robot, "#apply-overrides-winning-east")).contains("No runtime override");
            assertThat(text(robot, "#apply-overrides-winning-west"))
                    .contains("weight shop/red: override 80 still wins over the config's 20");
            assertThat(text(robot, "#apply-split-west")).as("west keeps its split: the override wins there")
                    .contains("shop: red 62% -> 62%, blue 38% -> 38%");
            FxClick.clickOn(robot, "#cancel-apply");
            assertThat(configWeightOfRed(east.gateway)).isEqualTo(50);
            assertThat(configWeightOfRed(west.gateway)).isEqualTo(50);

            west.stopGateway();
            FxClick.clickOn(robot, "#apply-config");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> present(robot, "#apply-failed-west"));
            assertThat(text(robot, "#apply-failed-west")).startsWith("Dry run failed: ");
            assertThat(text(robot, "#apply-split-east")).contains("shop: red 50% -> 29%");
            FxClick.clickOn(robot, "#cancel-apply");
            assertThat(configWeightOfRed(east.gateway)).as("cancelled: nothing applied").isEqualTo(50);
        }
    }

    private static String text(FxRobot robot, String query) throws Exception {
        Label label = find(robot, query, Label.class);
        return onFxGet(label::getText);
    }

    private static int configWeightOfRed(Gateway gateway) {
        return gateway.config().backend("shop").pool().services().getFirst().weight();
    }
}

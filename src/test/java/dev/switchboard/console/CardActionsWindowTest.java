package dev.switchboard.console;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.testing.FxClick;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static dev.switchboard.console.LiveWindow.replaceText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What was seen" 6 (part): weights could not be typed (aiming for 10 gave 9), and Disable / Force open acted with
 * no confirmation. Against the embedded demo's real gateway.
 */
class CardActionsWindowTest extends WindowTest {

    private static final String CARD = "orders-" + EAST_1;

    @Start
    void start(Stage stage) {
        open(stage, 100);
    }

    @Test
    void aTypedWeightAppliesExactlyAndTheSliderFollows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#weight-field-" + CARD));
        TextField field = find(robot, "#weight-field-" + CARD, TextField.class);

        replaceText(robot, field, "10");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> weight() == 10);
        Slider slider = find(robot, "#weight-" + CARD, Slider.class);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> slider.getValue() == 10.0));
        assertThat(onFxGet(() -> field.getText())).isEqualTo("10");
    }

    @Test
    void disablingAMemberConfirmsWithTheResultingSplitAndCancelChangesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#admin-DISABLED-" + CARD));

        FxClick.clickOn(robot, "#admin-DISABLED-" + CARD);
        DialogPane preview = waitForPreview(robot);
        assertThat(onFxGet(preview::getHeaderText)).contains("embedded", "Disable " + EAST_1);
        String split = onFxGet(() -> find(robot, "#action-preview-split", Label.class).getText());
        assertThat(split).contains("orders: " + EAST_1 + " 50% \u2192 0%", "orders: orders-east-2 50% \u2192 100%");
        FxClick.clickOn(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(adminState()).isEqualTo(AdminState.ENABLED);

        FxClick.clickOn(robot, "#admin-DISABLED-" + CARD);
        waitForPreview(robot);
        FxClick.clickOn(robot, "OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> adminState() == AdminState.DISABLED);
    }

    @Test
    void forcingABreakerOpenConfirmsWithTheResultingSplit(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#force-" + CARD));

        FxClick.clickOn(robot, "#force-" + CARD);
        FxClick.clickOn(robot, "Force open");
        DialogPane preview = waitForPreview(robot);
        assertThat(onFxGet(preview::getHeaderText)).contains("embedded", "Force open the breaker of " + EAST_1);
        assertThat(onFxGet(() -> find(robot, "#action-preview-split", Label.class).getText()))
                .contains("orders: " + EAST_1 + " 50% \u2192 0%");
        FxClick.clickOn(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(breaker()).isEqualTo(BreakerState.CLOSED);

        FxClick.clickOn(robot, "#force-" + CARD);
        FxClick.clickOn(robot, "Force open");
        waitForPreview(robot);
        FxClick.clickOn(robot, "OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> breaker() == BreakerState.FORCED_OPEN);
    }

    private static DialogPane waitForPreview(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#action-preview"));
        return find(robot, "#action-preview", DialogPane.class);
    }

    private EngineSnapshot snapshot() {
        return session.embeddedGateway().engine().snapshot();
    }

    private int weight() {
        return snapshot().pools().stream().filter(p -> p.id().equals("orders")).findFirst().orElseThrow().members().stream()
                .filter(m -> m.backendId().equals(EAST_1)).findFirst().orElseThrow().weight();
    }

    private AdminState adminState() {
        return backend().adminState();
    }

    private BreakerState breaker() {
        return backend().breaker();
    }

    private EngineSnapshot.BackendView backend() {
        return snapshot().backends().stream().filter(b -> b.id().equals(EAST_1)).findFirst().orElseThrow();
    }
}

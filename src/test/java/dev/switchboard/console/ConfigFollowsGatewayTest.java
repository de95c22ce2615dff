package dev.switchboard.console;

import dev.switchboard.console.rehearsal.WeightChange;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.testing.FxClick;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.DemoOperator.applyAndConfirm;
import static dev.switchboard.console.DemoOperator.configWeight;
import static dev.switchboard.console.DemoOperator.dragWeightDown;
import static dev.switchboard.console.DemoOperator.editWeightInForm;
import static dev.switchboard.console.DemoOperator.openConfig;
import static dev.switchboard.console.DemoOperator.weight;
import static dev.switchboard.console.LiveWindow.find;
import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "An applied config is silently shadowed", the Config tab's part: it follows the gateway's version, Apply
 * says which overrides still win with the traffic split it leads to, and Reload asks before discarding edits. Over
 * the embedded demo's real gateway.
 */
class ConfigFollowsGatewayTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theConfigTabFollowsTheGatewaySoTheFirstApplyAfterASliderChangeIsNotStale(FxRobot robot) throws Exception {
        openConfig(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        dragWeightDown(robot, session, EAST_1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        editWeightInForm(robot, 1, "35");

        applyAndConfirm(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> configWeight(session, EAST_2) == 35);
    }

    @Test
    void applySaysWhichOverridesStillWinAndPreviewsTheSplitBeforeApplying(FxRobot robot) throws Exception {
        openConfig(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        int set = dragWeightDown(robot, session, EAST_1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        editWeightInForm(robot, 0, "20");

        FxClick.clickOn(robot, "#apply-config");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#apply-overrides-winning-embedded"));
        Label winning = find(robot, "#apply-overrides-winning-embedded", Label.class);
        assertThat(LiveWindow.<String>onFxGet(winning::getText)).contains("weight orders/" + EAST_1 + ": override " + set
                + " still wins over the config's 20");
        Label split = find(robot, "#apply-split-embedded", Label.class);
        long share = Math.round(100.0 * set / (set + 50));
        // The override already holds the share: the config's 20 changes nothing there.
        assertThat(LiveWindow.<String>onFxGet(split::getText)).contains(EAST_1 + " " + share + "% -> " + share + "%", EAST_2);
        FxClick.clickOn(robot, "#confirm-apply");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> configWeight(session, EAST_1) == 20);
        assertThat(weight(session, EAST_1)).as("the override still wins, as the confirmation said").isEqualTo(set);
    }

    @Test
    void editsAreOfferedARebaseOntoAConfigTheGatewayMovedToAndWithoutEditsTheTabRefreshes(FxRobot robot) throws Exception {
        TextArea editor = openConfig(robot);
        Gateway gateway = session.embeddedGateway();
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", EAST_2, 40));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> editor.getText().contains("\"weight\" : 40")));

        editWeightInForm(robot, 0, "35");
        gateway.applyConfig(WeightChange.apply(gateway.config(), "orders", EAST_2, 45));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#rebase-bar") && onFx(() ->
                robot.lookup("#rebase-bar").query().isVisible()));
        @SuppressWarnings("unchecked")
        ListView<String> theirs = find(robot, "#rebase-diff", ListView.class);
        assertThat(LiveWindow.<Boolean>onFxGet(() -> theirs.getItems().stream().anyMatch(l -> l.startsWith("+") && l.contains("45")))).isTrue();
        assertThat(LiveWindow.<String>onFxGet(editor::getText)).as("edits are kept until the operator chooses").contains("\"weight\" : 35");

        // As an operator would, clicks again when the bar is still there (a click in the pulse it moved can miss).
        for (int click = 1; onFx(() -> robot.lookup("#rebase-bar").query().isVisible()); click++) {
            if (click > 3) {
                throw new AssertionError("the rebase bar stayed after 3 clicks on 'Rebase my edits onto it'");
            }
            FxClick.clickOn(robot, "#rebase-edits");
            try {
                WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#rebase-bar").query().isVisible()));
            } catch (TimeoutException stillThere) {
                // the loop's condition clicks again
            }
        }
        String rebased = onFxGet(editor::getText);
        assertThat(rebased).contains("\"weight\" : 35", "\"weight\" : 45");
        applyAndConfirm(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> configWeight(session, EAST_1) == 35 && configWeight(session, EAST_2) == 45);
    }

    @Test
    void reloadFromTheGatewayAsksBeforeDiscardingEdits(FxRobot robot) throws Exception {
        TextArea editor = openConfig(robot);
        editWeightInForm(robot, 0, "35");

        FxClick.clickOn(robot, "Reload from gateway");
        FxClick.clickOn(robot, "#cancel-reload");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LiveWindow.<String>onFxGet(editor::getText)).contains("\"weight\" : 35");

        FxClick.clickOn(robot, "Reload from gateway");
        FxClick.clickOn(robot, "#confirm-reload");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !editor.getText().contains("\"weight\" : 35")));
    }
}

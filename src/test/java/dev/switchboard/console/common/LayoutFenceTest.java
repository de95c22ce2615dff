package dev.switchboard.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A fenced label's new text lays out the label alone; the panes above it keep their layout. */
@ExtendWith(ApplicationExtension.class)
class LayoutFenceTest {

    private Label fenced;
    private Label plain;
    private VBox cards;
    private LayoutFence fence;

    @Start
    void start(Stage stage) {
        fenced = new Label("12.0 req/s");
        plain = new Label("12.0 req/s");
        fenced.setMaxWidth(Double.MAX_VALUE);
        fence = new LayoutFence(fenced);
        HBox line = new HBox(8, new Label("backend-0"), fence);
        HBox.setHgrow(fence, Priority.ALWAYS);
        cards = new VBox(line, plain);
        stage.setScene(new Scene(cards, 400, 200));
        stage.show();
    }

    @Test
    void aNewTextInTheFenceLaysOutOnlyTheLabelAndTheLabelTakesTheRoomItWasGiven() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> fenced.getWidth())).isEqualTo(onFx(() -> fence.getWidth())).isGreaterThan(300);

        boolean[] needsLayout = onFx(() -> {
            fenced.setText("1,234.5 req/s · 2xx 100% · 4xx 0% · 5xx 0%");
            return new boolean[] {fenced.isNeedsLayout(), fence.isNeedsLayout(), cards.isNeedsLayout()};
        });
        assertThat(needsLayout).containsExactly(true, false, false);

        // Unfenced, the same change asks every pane up to the window to lay out again.
        assertThat(onFx(() -> {
            plain.setText("1,234.5 req/s · 2xx 100% · 4xx 0% · 5xx 0%");
            return cards.isNeedsLayout();
        })).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(fenced::getWidth)).isEqualTo(onFx(fence::getWidth));
        assertThat(onFx(() -> fenced.getBaselineOffset() + fenced.getLayoutY())).isEqualTo(onFx(fence::getBaselineOffset));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

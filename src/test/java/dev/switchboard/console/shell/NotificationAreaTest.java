package dev.switchboard.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.common.LayoutFence;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a busy fleet notices come and go every second: the area keeps the lines it grew to until the last one leaves,
 * so the tabs above it are not laid out again each time, and a notice that changes only changes its text.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationAreaTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T16:00:00Z"));
    private final NotificationsModel model = new NotificationsModel(now::get);
    private NotificationArea area;

    @Start
    void start(Stage stage) {
        area = new NotificationArea();
        area.init(model);
        stage.setScene(new Scene(new VBox(area), 600, 200));
        stage.show();
    }

    @Test
    void linesStayUntilTheLastNoticeLeavesAndARepeatKeepsItsLabel() throws Exception {
        onFx(() -> {
            model.accept(trip("edge-1", "red"));
            model.accept(trip("edge-1", "blue"));
            model.accept(trip("edge-2", "red"));
            return null;
        });
        List<Node> lines = onFx(() -> List.copyOf(area.getChildren()));
        assertThat(shown()).containsExactly("edge-1 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN",
                "edge-1 \u00b7 BREAKER \u00b7 blue: breaker CLOSED -> OPEN", "edge-2 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN");

        now.set(now.get().plus(Duration.ofSeconds(5)));
        onFx(() -> {
            model.accept(trip("edge-2", "red"));
            return null;
        });
        assertThat(onFx(() -> List.copyOf(area.getChildren()))).as("the same lines, new texts").isEqualTo(lines);
        onFx(() -> {
            model.accept(trip("edge-3", "red"));
            return null;
        });
        assertThat(onFx(() -> area.getChildren().size())).as("a fourth alert takes the oldest line").isEqualTo(3);
        assertThat(shown()).last().isEqualTo("edge-3 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN");

        now.set(now.get().plus(Duration.ofSeconds(5)));
        onFx(() -> {
            model.expire();
            return null;
        });
        assertThat(shown()).containsExactly("edge-2 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN  \u00d72",
                "edge-3 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN");
        assertThat(onFx(() -> area.getChildren().size())).as("lines kept as room").isEqualTo(3);
        assertThat(onFx(area::isVisible)).isTrue();

        now.set(now.get().plus(Duration.ofSeconds(10)));
        onFx(() -> {
            model.expire();
            return null;
        });
        assertThat(onFx(() -> area.getChildren().size())).isZero();
        assertThat(onFx(area::isVisible)).isFalse();
    }

    private List<String> shown() throws Exception {
        return onFx(() -> area.getChildren().stream().map(n -> (Label) ((LayoutFence) n).getContent())
                .filter(Node::isVisible).map(Label::getText).toList());
    }

    private static ConsoleEvent trip(String gateway, String backend) {
        return new ConsoleEvent(Instant.EPOCH, gateway, backend, EventKind.BREAKER, true, "breaker CLOSED -> OPEN");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

package dev.switchboard.console.shell;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsModelTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T16:00:00Z"));
    private final NotificationsModel model = new NotificationsModel(now::get);

    private static ConsoleEvent trip(String gateway, String backend) {
        return new ConsoleEvent(Instant.EPOCH, gateway, backend, EventKind.BREAKER, true, "breaker CLOSED -> OPEN");
    }

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aNoticeNamesItsGatewayAndRepeatsCountUpOnOneNotice() {
        model.accept(trip("edge-1", "red"));
        advance(Duration.ofSeconds(2));
        model.accept(trip("edge-1", "red"));
        model.accept(trip("edge-1", "red"));
        model.accept(trip("edge-2", "red"));

        assertThat(model.notices()).extracting(NotificationsModel.Notice::text).containsExactly(
                "edge-1 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN  \u00d73",
                "edge-2 \u00b7 BREAKER \u00b7 red: breaker CLOSED -> OPEN");
    }

    @Test
    void noticesLeaveWhenNothingRepeatsThemAndAtMostThreeShow() {
        model.accept(trip("g", "a"));
        advance(Duration.ofSeconds(5));
        model.accept(trip("g", "b"));
        model.accept(trip("g", "c"));
        model.accept(trip("g", "d"));
        assertThat(model.notices()).extracting(NotificationsModel.Notice::backendId).containsExactly("b", "c", "d");

        advance(Duration.ofSeconds(7));
        model.accept(trip("g", "c"));
        advance(Duration.ofSeconds(1));
        model.expire();
        assertThat(model.notices()).extracting(NotificationsModel.Notice::backendId).containsExactly("c");
    }
}

package dev.switchboard.console.feed;

import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingThrottleTest {

    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<FrameBatch> delivered = new ArrayList<>();
    private final CoalescingThrottle throttle = new CoalescingThrottle(uiQueue::add, delivered::add);

    @Test
    void manyFramesBecomeOneDeliveryWithTheLatestPerGateway() {
        for (int v = 1; v <= 1000; v++) {
            throttle.frame(frame("gw1", v));
            throttle.frame(frame("gw2", v));
        }
        throttle.event(new ConsoleEvent(Instant.EPOCH, "gw1", "a", EventKind.BREAKER, true, "tripped"));
        throttle.tick();
        assertThat(uiQueue).hasSize(1);
        uiQueue.removeFirst().run();
        assertThat(delivered).singleElement().satisfies(b -> {
            assertThat(b.frames()).extracting(GatewayFrame::version).containsOnly(1000L);
            assertThat(b.frames()).hasSize(2);
            assertThat(b.events()).hasSize(1);
        });
    }

    @Test
    void noNewDeliveryIsScheduledUntilThePreviousOneRan() {
        throttle.frame(frame("gw1", 1));
        throttle.tick();
        throttle.frame(frame("gw1", 2));
        throttle.tick();
        throttle.tick();
        assertThat(uiQueue).hasSize(1);
        uiQueue.removeFirst().run();
        assertThat(delivered.getFirst().frames().getFirst().version()).isEqualTo(2);
        throttle.tick();
        assertThat(uiQueue).isEmpty();
    }

    @Test
    void undeliveredEventsAreBounded() {
        for (int i = 0; i < CoalescingThrottle.MAX_PENDING_EVENTS + 5; i++) {
            throttle.event(new ConsoleEvent(Instant.EPOCH, "gw1", "b" + i, EventKind.PROBE, false, "x"));
        }
        throttle.tick();
        uiQueue.removeFirst().run();
        assertThat(delivered.getFirst().events()).hasSize(CoalescingThrottle.MAX_PENDING_EVENTS);
        assertThat(delivered.getFirst().events().getFirst().backendId()).isEqualTo("b5");
    }

    private static GatewayFrame frame(String id, long version) {
        return new GatewayFrame(id, "cfg", ConnectionState.LIVE, "", version, "h", Instant.EPOCH, List.of(), List.of(),
                0, Map.of(), List.of());
    }
}

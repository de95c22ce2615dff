package dev.switchboard.console.pools;

import dev.switchboard.console.common.FakeGateway;
import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.engine.Availability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a card waits to see the weight it sent before it believes the frames again. */
class ExpectedWeightTest {

    private final FakeGateway gateway = new FakeGateway("g", new ArrayList<>(), () -> false);
    private final PoolViewModel pools = new PoolViewModel(Runnable::run, e -> { });
    private final GatewayHealth health = new GatewayHealth();

    private GatewayFrame frame(int weightOfA, long seq) {
        return Frames.frame("g", "h", seq * 250, seq, List.of(Frames.member("a", weightOfA, 1, Availability.AVAILABLE),
                Frames.member("b", 50, 2, Availability.AVAILABLE)), Map.of());
    }

    @Test
    void framesThatNeverShowTheSentWeightAreBelievedAgainAfterABoundedWait() {
        pools.show(frame(50, 0), gateway, health);
        MemberRow a = pools.pools().getFirst().rows().getFirst();
        pools.setWeight(a, 30);

        // Acknowledged, but the version never moves past the one seen then: older frames keep being ignored ...
        for (int seq = 1; seq <= 40; seq++) {
            pools.show(frame(60, seq), gateway, health);
        }
        assertThat(a.weightProperty().get()).as("still waiting for the 30 it sent").isEqualTo(50);

        // ... but not for ever.
        pools.show(frame(60, 41), gateway, health);
        assertThat(a.weightProperty().get()).isEqualTo(60);
    }

    @Test
    void theSentWeightShownInAFrameEndsTheWaitAtOnce() {
        pools.show(frame(50, 0), gateway, health);
        MemberRow a = pools.pools().getFirst().rows().getFirst();
        pools.setWeight(a, 30);
        pools.show(frame(30, 1), gateway, health);
        pools.show(frame(45, 2), gateway, health);

        assertThat(a.weightProperty().get()).as("a later change shows at once").isEqualTo(45);
    }
}

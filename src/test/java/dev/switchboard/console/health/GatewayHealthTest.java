package dev.switchboard.console.health;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.CounterTotals;
import dev.switchboard.console.feed.IntervalDetail;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers from counter deltas in virtual time: frames carry their own timestamps. */
class GatewayHealthTest {

    private final GatewayHealth health = new GatewayHealth();
    private long seq;

    /** A stats frame at {@code seconds} whose totals say {@code requests} so far, {@code s5xx} of them 5xx. */
    private void frame(ConnectionState connection, long seconds, long requests, long s5xx, long inFlight) {
        frame(connection, seconds * 1000, seconds * 1000, requests, s5xx, inFlight);
    }

    /** A stats frame cut at {@code gatewayMillis} on the gateway's clock, arrived at {@code arrivedMillis} on ours. */
    private void frame(ConnectionState connection, long gatewayMillis, long arrivedMillis, long requests, long s5xx,
                       long inFlight) {
        CounterTotals totals = new CounterTotals(gatewayMillis, requests, requests - s5xx, 0, s5xx, 0, 0, 0);
        IntervalStats stats = new IntervalStats(7, 0, 0, 2, 3, 4, Duration.ofSeconds(1), totals,
                new IntervalDetail(7, 0, 0, 0, inFlight));
        BackendFrame b = new BackendFrame("catalog-1", AdminState.ENABLED, Availability.AVAILABLE, "", BreakerState.CLOSED,
                null, List.of());
        health.update(new GatewayFrame("edge", "cfg", connection, "", 1, "h", Instant.ofEpochMilli(arrivedMillis),
                List.of(b), List.of(), ++seq, Map.of("catalog-1", stats), List.of()));
    }

    private BackendStatus status() {
        return health.status("catalog-1");
    }

    @Test
    void theFirstSampleAfterConnectingOnlySetsTheBaselineSoAGatewaysWholeLifeIsNoSpike() {
        frame(ConnectionState.LIVE, 100, 3_300_000, 0, 0);
        assertThat(status().numbers().known()).isFalse();
        assertThat(status().level()).isEqualTo(HealthLevel.IDLE);

        frame(ConnectionState.LIVE, 101, 3_300_020, 0, 0);
        assertThat(status().numbers().perSecond()).isEqualTo(20.0);
        assertThat(status().level()).isEqualTo(HealthLevel.GREEN);
    }

    @Test
    void aReconnectAndAGatewayRestartStartANewBaseline() {
        frame(ConnectionState.LIVE, 100, 1000, 0, 0);
        frame(ConnectionState.LIVE, 101, 1020, 0, 0);
        frame(ConnectionState.DISCONNECTED, 102, 1020, 0, 0);
        frame(ConnectionState.LIVE, 160, 2220, 0, 0);
        assertThat(status().numbers().known()).as("60 s of missed counts are not one interval").isFalse();
        frame(ConnectionState.LIVE, 161, 2240, 0, 0);
        assertThat(status().numbers().perSecond()).isEqualTo(20.0);

        frame(ConnectionState.LIVE, 162, 15, 0, 0);
        assertThat(status().numbers().known()).as("totals went down: the gateway restarted").isFalse();
    }

    @Test
    void ratesFollowTheGatewaysClockSoALateMessageFollowedByAPromptOneIsNoSpike() {
        frame(ConnectionState.LIVE, 100_000, 100_010, 1000, 0, 0);
        frame(ConnectionState.LIVE, 101_000, 101_010, 1020, 0, 0);
        assertThat(status().numbers().perSecond()).isEqualTo(20.0);
        // Held up 930 ms on the way (a GC pause, a congested link); the next one is on time.
        frame(ConnectionState.LIVE, 102_000, 102_940, 1040, 0, 0);
        assertThat(status().numbers().perSecond()).isEqualTo(20.0);
        frame(ConnectionState.LIVE, 103_000, 103_010, 1060, 0, 0);
        assertThat(status().numbers().perSecond()).isEqualTo(20.0);
    }

    @Test
    void aBackendFailingWithoutABreakerRuleGetsANoticeThatCountsHowLong() {
        frame(ConnectionState.LIVE, 100, 1000, 0, 0);
        frame(ConnectionState.LIVE, 101, 1020, 20, 0);
        frame(ConnectionState.LIVE, 121, 1420, 420, 0);

        assertThat(status().level()).isEqualTo(HealthLevel.RED);
        assertThat(status().notice()).isEqualTo("catalog-1: 100% 5xx for 20 s, no breaker rule");
        assertThat(status().numbers().percent5xx()).isEqualTo(100.0);

        frame(ConnectionState.LIVE, 122, 1440, 420, 0);
        assertThat(status().notice()).isEmpty();
        assertThat(health.sparkline("catalog-1", 122_000)).containsExactly(Double.NaN, 20.0, 20.0, 20.0);
    }

    @Test
    void theStateAgeIsAtLeastSinceConnectingUntilAChangeIsSeen() {
        frame(ConnectionState.LIVE, 100, 1000, 0, 0);
        assertThat(status().stateChangeSeen()).isFalse();
        assertThat(status().stateSinceMillis()).isEqualTo(100_000);
    }
}

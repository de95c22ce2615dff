package dev.switchboard.console.fleet;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.console.health.HealthLevel;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetGridTest {

    private final Map<String, GatewayHealth> health = new HashMap<>();

    private GatewayFrame frame(String gateway, BreakerState xBreaker, long xRequests, long x5xx) {
        return frame(gateway, ConnectionState.LIVE, xBreaker, xRequests, x5xx);
    }

    private GatewayFrame frame(String gateway, ConnectionState connection, BreakerState xBreaker, long xRequests,
                               long x5xx) {
        List<BackendFrame> backends = List.of(
                new BackendFrame("x", AdminState.ENABLED, Availability.AVAILABLE, "", xBreaker, null, List.of()),
                new BackendFrame("y", AdminState.ENABLED, Availability.AVAILABLE, "", BreakerState.CLOSED, null, List.of()));
        Map<String, IntervalStats> stats = Map.of(
                "x", new IntervalStats(xRequests, 0, x5xx, 1, 2, 3, Duration.ofSeconds(1)),
                "y", new IntervalStats(40, 0, 0, 1, 2, 3, Duration.ofSeconds(1)));
        GatewayFrame f = new GatewayFrame(gateway, "cfg", connection, "", 1, "h", Instant.ofEpochSecond(5),
                backends, List.of(), 1, stats, List.of());
        health.computeIfAbsent(gateway, g -> new GatewayHealth()).update(f);
        return f;
    }

    @Test
    void oneGatewayHoldingABreakerOpenIsDivergenceAndFailuresAreCountedPerBackend() {
        List<GatewayFrame> frames = List.of(frame("g1", BreakerState.CLOSED, 10, 0), frame("g2", BreakerState.OPEN, 10, 0),
                frame("g3", BreakerState.CLOSED, 10, 10));

        FleetGrid grid = FleetGrid.of(frames, health::get);

        assertThat(grid.backends()).containsExactly("x", "y");
        assertThat(grid.divergent()).containsExactly(true, false);
        assertThat(grid.divergence()).containsExactly("x: open on g2, closed on 2 others");
        assertThat(grid.cells()[0][2].level()).isEqualTo(HealthLevel.RED);
        assertThat(grid.cells()[1][0].level()).isEqualTo(HealthLevel.GREEN);
        assertThat(grid.maxPerSecond()).isEqualTo(40.0);
        assertThat(grid.summary()).isEqualTo("3 gateways \u00d7 2 backends \u00b7 1 diverging \u00b7 1 failing");
    }

    @Test
    void aGatewayThatIsNotLiveShowsGreyCellsWithoutARateAndTakesNoSideInFailuresOrDivergence() {
        // g2 was failing x with its breaker open when it was last heard; then it went silent, then away.
        GatewayFrame live = frame("g1", BreakerState.CLOSED, 10, 0);
        GatewayFrame failing = frame("g2", BreakerState.OPEN, 10, 10);
        for (ConnectionState gone : List.of(ConnectionState.STALE, ConnectionState.DISCONNECTED)) {
            FleetGrid grid = FleetGrid.of(List.of(live, failing.withConnection(gone, "")), health::get);

            FleetGrid.Cell x = grid.cells()[0][1];
            assertThat(x.live()).isFalse();
            assertThat(x.level()).as("grey, not the last health seen").isEqualTo(HealthLevel.IDLE);
            assertThat(x.perSecond()).as("no rate from a gateway not heard").isNaN();
            assertThat(x.describe()).contains("no live data").doesNotContain("req/s");
            assertThat(grid.cells()[1][1].level()).as("y was green on g2").isEqualTo(HealthLevel.IDLE);
            assertThat(grid.cells()[0][0].live()).isTrue();
            assertThat(grid.divergent()).containsExactly(false, false);
            assertThat(grid.summary()).isEqualTo("2 gateways \u00d7 2 backends \u00b7 0 diverging \u00b7 0 failing");
        }
    }
}

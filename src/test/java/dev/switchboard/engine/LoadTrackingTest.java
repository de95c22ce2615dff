package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.SpillWhenSlow;
import dev.switchboard.config.WhenAllUnavailable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only backends a latency-aware pool reads count requests in flight; a pick's end undoes exactly what it counted. */
class LoadTrackingTest {

    private final ManualTicker ticker = new ManualTicker();

    private static BackendConfig pool(String id, Balancer balancer, SpillWhenSlow spill, String... members) {
        return TestConfigs.pool(id, new PoolConfig(List.of(members).stream().map(m -> member(m, 1, null)).toList(), null,
                WhenAllUnavailable.DEFAULT, null, balancer, spill));
    }

    private static int inFlight(Engine engine, String backendId) {
        return ((BackendHandle) engine.pick(backendId, null, null)).runtime.load().inFlight();
    }

    @Test
    void aWeightedPoolOfItsOwnBackendsCountsNothing() {
        Engine engine = engine(gateway(single("a"), pool("pool", Balancer.WEIGHTED, null, "a")), ticker);
        BackendHandle picked = (BackendHandle) engine.pick("pool", null, null);
        assertThat(picked.load).isNull();
        assertThat(picked.runtime.load().inFlight()).isZero();
    }

    @Test
    void aBackendALatencyAwarePoolSharesCountsFromEveryTarget() {
        Engine engine = engine(gateway(single("a"), single("b"), pool("weighted", Balancer.WEIGHTED, null, "a"),
                pool("least", Balancer.LEAST_REQUEST, null, "a", "b")), ticker);
        engine.pick("weighted", null, null);
        engine.pick("a", null, null);
        assertThat(inFlight(engine, "a")).isEqualTo(3);
        assertThat(inFlight(engine, "b")).isEqualTo(1);
    }

    @Test
    void spillWhenSlowTracksTheLoadOfAWeightedPool() {
        Engine engine = engine(gateway(single("a"), pool("pool", Balancer.WEIGHTED, new SpillWhenSlow(Duration.ofMillis(50)), "a")), ticker);
        assertThat(((BackendHandle) engine.pick("pool", null, null)).load).isNotNull();
    }

    @Test
    void anAttemptPickedBeforeASwapEndsAsItsPickCounted() {
        GatewayConfig weighted = gateway(single("a"), pool("pool", Balancer.WEIGHTED, null, "a"));
        GatewayConfig least = gateway(single("a"), pool("pool", Balancer.LEAST_REQUEST, null, "a"));
        Engine engine = engine(least, ticker);
        Pick counted = engine.pick("pool", null, null);
        engine.applyConfig(weighted);
        Pick uncounted = engine.pick("pool", null, null);
        engine.applyConfig(least);
        Pick countedAgain = engine.pick("pool", null, null);
        engine.recordOutcome(uncounted, 200, null, null, 1_000_000);
        BackendHandle h = (BackendHandle) countedAgain;
        assertThat(h.load.inFlight()).isEqualTo(2);
        engine.recordOutcome(counted, 200, null, null, 1_000_000);
        engine.abandon(countedAgain);
        assertThat(h.load.inFlight()).isZero();
    }
}

package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.SpillWhenSlow;
import dev.switchboard.config.WhenAllUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * least-request and peak-ewma in virtual time: a simulated client sends at a fixed rate, each backend answers after
 * its own latency, and the engine learns in-flight counts and latency from the outcomes, as it does from the gateway.
 */
class LatencyAwareBalancingTest {

    private final ManualTicker ticker = new ManualTicker();

    private static GatewayConfig pool(Balancer balancer, SpillWhenSlow spill, PoolMember... members) {
        List<dev.switchboard.config.BackendConfig> backends = new ArrayList<>();
        for (PoolMember m : members) {
            backends.add(single(m.backendId()));
        }
        backends.add(TestConfigs.pool("pool", new PoolConfig(List.of(members), null, WhenAllUnavailable.DEFAULT, null, balancer, spill)));
        return gateway(backends, List.of());
    }

    /** One attempt in flight: when it answers. */
    private record InFlight(long doneAt, long startedAt, Pick pick) {
    }

    /** Sends {@code perSecond} requests for {@code duration}; returns picks per backend after {@code countFrom}. */
    private Map<String, Integer> drive(Engine engine, int perSecond, Duration duration, Duration countFrom, Map<String, Duration> latency) {
        PriorityQueue<InFlight> pending = new PriorityQueue<>((x, y) -> Long.compare(x.doneAt(), y.doneAt()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        long step = 1_000_000_000L / perSecond;
        long start = ticker.nanos();
        long end = start + duration.toNanos();
        while (ticker.nanos() < end) {
            ticker.advance(Duration.ofNanos(step));
            long now = ticker.nanos();
            while (!pending.isEmpty() && pending.peek().doneAt() <= now) {
                InFlight done = pending.poll();
                engine.recordOutcome(done.pick(), 200, null, null, done.doneAt() - done.startedAt());
            }
            Pick pick = engine.pick("pool", null, null);
            String id = id(pick);
            pending.add(new InFlight(now + latency.getOrDefault(id, Duration.ofMillis(1)).toNanos(), now, pick));
            if (now - start >= countFrom.toNanos()) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void peakEwmaAvoidsAPrimaryAnsweringInTwoSecondsWithinASecond() {
        Engine engine = engine(pool(Balancer.PEAK_EWMA, null, member("fast", 1, null), member("slow", 1, null)), ticker);
        Map<String, Integer> counts = drive(engine, 500, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Map.of("fast", Duration.ofMillis(2), "slow", Duration.ofSeconds(2)));
        // 4,500 requests counted; the slow one gets a probe now and then as its cost decays, not a share.
        assertThat(counts.getOrDefault("slow", 0)).isLessThanOrEqualTo(5);
        assertThat(counts.get("fast")).isGreaterThanOrEqualTo(4495);
    }

    @Test
    void weightedKeepsSendingHalfToTheSlowOne() {
        Engine engine = engine(pool(Balancer.WEIGHTED, null, member("fast", 1, null), member("slow", 1, null)), ticker);
        Map<String, Integer> counts = drive(engine, 500, Duration.ofSeconds(4), Duration.ofSeconds(1),
                Map.of("fast", Duration.ofMillis(2), "slow", Duration.ofSeconds(2)));
        assertThat(counts.get("slow")).isBetween(749, 751);
    }

    @Test
    void leastRequestSendsLessToTheBackendHoldingRequests() {
        Engine engine = engine(pool(Balancer.LEAST_REQUEST, null, member("fast", 1, null), member("slow", 1, null)), ticker);
        Map<String, Integer> counts = drive(engine, 500, Duration.ofSeconds(4), Duration.ofSeconds(1),
                Map.of("fast", Duration.ofMillis(2), "slow", Duration.ofMillis(200)));
        // Requests pile up on the slow one until its in-flight count outweighs the fast one's.
        assertThat(counts.get("slow")).isLessThan(counts.get("fast") / 10);
    }

    @Test
    void anIdleLeastRequestPoolSpreadsByWeight() {
        Map<String, Integer> counts = idle(Balancer.LEAST_REQUEST);
        assertThat(counts).doesNotContainKey("c");
        assertThat(counts.get("a")).isBetween(2850, 3150);
    }

    @Test
    void peakEwmaDividesTheCostByTheWeight() {
        // Equal latencies: the weight-3 member's cost is a third, so it wins every comparison it is in.
        Map<String, Integer> counts = idle(Balancer.PEAK_EWMA);
        assertThat(counts).doesNotContainKey("c");
        assertThat(counts.get("a")).isGreaterThan(3 * counts.get("b"));
    }

    /** One request at a time, each answering in 1 ms. */
    private Map<String, Integer> idle(Balancer balancer) {
        Engine engine = engine(pool(balancer, null, member("a", 3, null), member("b", 1, null), member("c", 0, null)), ticker);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            Pick p = engine.pick("pool", null, null);
            counts.merge(id(p), 1, Integer::sum);
            ticker.advance(Duration.ofMillis(1));
            engine.recordOutcome(p, 200, null, null, 1_000_000);
        }
        return counts;
    }

    @Test
    void anAvoidedBackendIsTriedAgainOnceItsCostHasDecayed() {
        Engine engine = engine(pool(Balancer.PEAK_EWMA, null, member("fast", 1, null), member("slow", 1, null)), ticker);
        Map<String, Duration> latency = new HashMap<>(Map.of("fast", Duration.ofMillis(2), "slow", Duration.ofSeconds(2)));
        drive(engine, 100, Duration.ofSeconds(5), Duration.ZERO, latency);
        latency.put("slow", Duration.ofMillis(2));
        // 2 s decays to the fast one's few ms in about a minute (time constant 10 s); then both share again.
        Map<String, Integer> later = drive(engine, 100, Duration.ofSeconds(120), Duration.ofSeconds(90), latency);
        assertThat(later.get("slow")).isGreaterThan(later.get("fast") / 3);
    }

    @Test
    void spillWhenSlowLetsTheNextGroupTakeTheLoadWhileTheTopGroupIsSlow() {
        SpillWhenSlow spill = new SpillWhenSlow(Duration.ofMillis(500));
        Engine engine = engine(pool(Balancer.WEIGHTED, spill, member("a1", 1, 1), member("a2", 1, 1), member("b1", 1, 2)), ticker);
        Map<String, Duration> latency = new HashMap<>(Map.of("a1", Duration.ofSeconds(2), "a2", Duration.ofSeconds(2)));
        Map<String, Integer> counts = drive(engine, 100, Duration.ofSeconds(6), Duration.ofSeconds(3), latency);
        assertThat(counts).containsOnlyKeys("b1");
        // Recovered: the top group's latency decays below the threshold and it takes the load back (APIM priority).
        latency.clear();
        Map<String, Integer> later = drive(engine, 100, Duration.ofSeconds(40), Duration.ofSeconds(30), latency);
        assertThat(later).containsOnlyKeys("a1", "a2");
    }

    @Test
    void withoutSpillWhenSlowASlowTopGroupKeepsItsLoad() {
        Engine engine = engine(pool(Balancer.WEIGHTED, null, member("a1", 1, 1), member("b1", 1, 2)), ticker);
        Map<String, Integer> counts = drive(engine, 100, Duration.ofSeconds(6), Duration.ofSeconds(3), Map.of("a1", Duration.ofSeconds(2)));
        assertThat(counts).containsOnlyKeys("a1");
    }

    @Test
    void whenEveryGroupIsSlowTheTopGroupServes() {
        SpillWhenSlow spill = new SpillWhenSlow(Duration.ofMillis(500));
        Engine engine = engine(pool(Balancer.WEIGHTED, spill, member("a1", 1, 1), member("b1", 1, 2)), ticker);
        Map<String, Integer> counts = drive(engine, 100, Duration.ofSeconds(8), Duration.ofSeconds(5),
                Map.of("a1", Duration.ofSeconds(2), "b1", Duration.ofSeconds(2)));
        assertThat(counts).containsOnlyKeys("a1");
    }

    @Test
    void inFlightCountsEndWithTheFirstOutcomeOrAnAbandon() {
        Engine engine = engine(pool(Balancer.LEAST_REQUEST, null, member("a", 1, null), member("b", 1, null)), ticker);
        Pick first = engine.pick("pool", null, null);
        BackendHandle h = (BackendHandle) first;
        assertThat(h.runtime.load().inFlight()).isEqualTo(1);
        engine.recordOutcome(first, 200, null, null, 1_000_000);
        engine.recordOutcome(first, 0, dev.switchboard.config.ErrorReason.ConnectionReset, null, Engine.LATER_OUTCOME);
        assertThat(h.runtime.load().inFlight()).isZero();
        Pick second = engine.pick("pool", null, null);
        engine.abandon(second);
        assertThat(((BackendHandle) second).runtime.load().inFlight()).isZero();
    }
}

package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.SpillWhenSlow;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.WhenAllUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void everyWayOfPickingCountsOnceAndEveryEndUndoesIt() {
        PoolConfig least = new PoolConfig(List.of(member("a", 1, null), member("b", 3, null)),
                new SessionAffinityConfig(SessionAffinityConfig.AffinitySource.Cookie, "session"),
                WhenAllUnavailable.DEFAULT, null, Balancer.LEAST_REQUEST, null);
        Engine engine = engine(gateway(single("a"), single("b"), TestConfigs.pool("pool", least)), ticker);
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            picks.add(engine.pick("pool", null, null));
            picks.add(engine.pick("pool", "session-" + i, null));
            Attempts retry = new Attempts(true);
            picks.add(engine.pick("pool", null, retry));
            picks.add(engine.pick("pool", null, retry));
        }
        BackendHandle a = (BackendHandle) engine.pick("a", null, null);
        BackendHandle b = (BackendHandle) engine.pick("b", null, null);
        assertThat(a.load.inFlight() + b.load.inFlight()).isEqualTo(202);
        picks.forEach(p -> engine.recordOutcome(p, 200, null, null, 1_000_000));
        engine.abandon(a);
        engine.abandon(b);
        assertThat(a.load.inFlight()).isZero();
        assertThat(b.load.inFlight()).isZero();
    }

    @Test
    void aHalfOpenMemberWithoutATrialPermitIsNotLeftCounted() {
        BreakerRule trip = countRule("errors", 1, Duration.ofSeconds(10), Duration.ofSeconds(5), false);
        GatewayConfig config = gateway(single("a", breaker(withHalfOpen(trip, 1))), single("b"),
                pool("pool", Balancer.LEAST_REQUEST, null, "a", "b"));
        Engine engine = engine(config, ticker);
        Pick failed = engine.pick("a", null, null);
        engine.recordOutcome(failed, 502, null, null, 1_000_000);
        ticker.advance(Duration.ofSeconds(6));
        // a is half-open with one trial permit: the first pick that lands on it takes it, the others go to b.
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            picks.add(engine.pick("pool", null, null));
        }
        List<BackendHandle> trials = picks.stream().map(p -> (BackendHandle) p).filter(h -> h.backendId().equals("a")).toList();
        assertThat(trials).hasSize(1);
        assertThat(trials.getFirst().load.inFlight()).isEqualTo(1);
        assertThat(((BackendHandle) engine.pick("b", null, null)).load.inFlight()).isEqualTo(40);
    }

    @Test
    void concurrentPicksCountEveryAttemptAndTheirEndsReturnEveryCountToZero() throws Exception {
        String[] ids = {"a", "b", "c", "d"};
        List<BackendConfig> backends = new ArrayList<>(List.of(ids).stream().map(TestConfigs::single).toList());
        backends.add(pool("least", Balancer.LEAST_REQUEST, null, ids));
        backends.add(pool("ewma", Balancer.PEAK_EWMA, null, ids));
        Engine engine = engine(gateway(backends, List.of()), ticker);
        int threads = 4;
        int picksEach = 20_000;
        List<List<Pick>> held = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Pick>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Pick> picks = new ArrayList<>();
                    for (int i = 0; i < picksEach; i++) {
                        picks.add(engine.pick(i % 2 == 0 ? "least" : "ewma", null, null));
                    }
                    return picks;
                }));
            }
            for (var r : results) {
                held.add(r.get(30, TimeUnit.SECONDS));
            }
            assertThat(List.of(ids).stream().mapToInt(id -> inFlight(engine, id) - 1).sum()).isEqualTo(threads * picksEach);
            start.reset();
            List<Future<?>> ends = new ArrayList<>();
            for (List<Pick> picks : held) {
                ends.add(pool.submit(() -> {
                    start.await();
                    picks.forEach(p -> engine.recordOutcome(p, 200, null, null, 1_000_000));
                    return null;
                }));
            }
            for (var e : ends) {
                e.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // What is left: the picks inFlight() made itself, never ended (the check above, and this one).
        for (String id : ids) {
            assertThat(inFlight(engine, id)).as(id).isEqualTo(2);
        }
    }
}

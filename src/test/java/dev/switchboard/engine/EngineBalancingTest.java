package dev.switchboard.engine;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.WhenAllUnavailable;
import dev.switchboard.engine.breaker.ForceAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineBalancingTest {

    private final ManualTicker ticker = new ManualTicker();

    private static GatewayConfig twoGroups(Double factor, WhenAllUnavailable when) {
        return gateway(List.of(single("a1"), single("a2"), single("b1"), single("b2"),
                pool("pool", poolConfig(List.of(member("a1", null, 1), member("a2", null, 1),
                        member("b1", null, 2), member("b2", null, 2)), false, when, factor))), List.of());
    }

    @Test
    void roundRobinIsEven() {
        Engine engine = engine(weightedPool(4, null, false), ticker);
        assertThat(tally(engine, "pool", 400)).containsOnly(
                Map.entry("b0", 100), Map.entry("b1", 100), Map.entry("b2", 100), Map.entry("b3", 100));
    }

    @Test
    void weightedSeventyThirtyIsExactInEveryCycleOfTen() {
        Engine engine = engine(gateway(single("a"), single("b"),
                pool("pool", member("a", 70, null), member("b", 30, null))), ticker);
        for (int cycle = 0; cycle < 5; cycle++) {
            assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("a", 7), Map.entry("b", 3));
        }
    }

    @Test
    void weightsFiveOneOneKeepProportions() {
        Engine engine = engine(gateway(single("a"), single("b"), single("c"),
                pool("pool", member("a", 5, null), member("b", 1, null), member("c", 1, null))), ticker);
        assertThat(tally(engine, "pool", 70)).containsOnly(Map.entry("a", 50), Map.entry("b", 10), Map.entry("c", 10));
    }

    @Test
    void priorityFailsOverToTheNextGroupAndReturns() {
        Engine engine = engine(twoGroups(null, WhenAllUnavailable.DEFAULT), ticker);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("a1", 5), Map.entry("a2", 5));
        engine.forceBreaker("a1", ForceAction.OPEN);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("a2", 10));
        engine.forceBreaker("a2", ForceAction.OPEN);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("b1", 5), Map.entry("b2", 5));
        engine.forceBreaker("a1", ForceAction.RESET);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("a1", 10));
    }

    @Test
    void overprovisioningSpillsGradually() {
        Engine engine = engine(twoGroups(1.4, WhenAllUnavailable.DEFAULT), ticker);
        assertThat(tally(engine, "pool", 100)).containsOnly(Map.entry("a1", 50), Map.entry("a2", 50));
        engine.setAdminState("a1", AdminState.MAINTENANCE);
        Map<String, Integer> t = tally(engine, "pool", 100);
        assertThat(t).containsOnly(Map.entry("a2", 70), Map.entry("b1", 15), Map.entry("b2", 15));
    }

    @Test
    void weightZeroDrainsNewPicksButKeepsAffinityKeys() {
        GatewayConfig config = gateway(List.of(single("a"), single("b"), pool("pool", poolConfig(
                List.of(member("a", 1, null), member("b", 1, null)), true, WhenAllUnavailable.DEFAULT, null))),
                List.of());
        Engine engine = engine(config, ticker);
        String keyOnA = keyOn(engine, "a");
        engine.setWeight("pool", "a", 0);
        assertThat(tally(engine, "pool", 10)).containsOnly(Map.entry("b", 10));
        assertThat(id(engine.pick("pool", keyOnA, null))).isEqualTo("a");
        assertThat(engine.snapshot().pools().getFirst().members().getFirst().availability())
                .isEqualTo(Availability.DRAINING);
        engine.setAdminState("a", AdminState.MAINTENANCE);
        assertThat(id(engine.pick("pool", keyOnA, null))).isEqualTo("b");
    }

    @Test
    void adminDrainDisabledAndMaintenanceTakeNoNewPicks() {
        Engine engine = engine(weightedPool(3, null, false), ticker);
        engine.setAdminState("b0", AdminState.DRAIN);
        engine.setAdminState("b1", AdminState.DISABLED);
        assertThat(tally(engine, "pool", 9)).containsOnly(Map.entry("b2", 9));
        engine.setAdminState("b2", AdminState.MAINTENANCE);
        assertThat(engine.pick("pool", null, null).none()).isTrue();
        engine.setAdminState("b1", AdminState.ENABLED);
        assertThat(tally(engine, "pool", 3)).containsOnly(Map.entry("b1", 3));
    }

    @Test
    void failClosedReportsStatusAndSmallestRemainingTrip() {
        BackendConfig a = single("a", breaker(countRule("r", 1, Duration.ofSeconds(10), Duration.ofSeconds(30), false)));
        BackendConfig b = single("b", breaker(countRule("r", 1, Duration.ofSeconds(10), Duration.ofSeconds(60), false)));
        Engine engine = engine(gateway(List.of(a, b, pool("pool", poolConfig(List.of(member("a", null, null),
                member("b", null, null)), false, new WhenAllUnavailable(WhenAllUnavailable.Action.failClosed, 429),
                null))), List.of()), ticker);
        engine.recordOutcome(engine.pick("b", null, null), 503, null, null);
        ticker.advanceSeconds(5);
        engine.recordOutcome(engine.pick("a", null, null), 503, null, null);
        ticker.advanceSeconds(10);
        Pick pick = engine.pick("pool", null, null);
        assertThat(pick).isInstanceOf(NoneAvailable.class);
        NoneAvailable none = (NoneAvailable) pick;
        assertThat(none.status()).isEqualTo(429);
        assertThat(none.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(none.retryAfterSeconds()).isEqualTo(20);
        assertThat(((NoneAvailable) engine.pick("b", null, null)).status()).isEqualTo(503);
    }

    @Test
    void panicBalancesOverEveryEnabledMember() {
        Engine engine = engine(twoGroups(null, new WhenAllUnavailable(WhenAllUnavailable.Action.panic, 503)), ticker);
        for (String id : List.of("a1", "a2", "b1", "b2")) {
            engine.forceBreaker(id, ForceAction.OPEN);
        }
        engine.setAdminState("b2", AdminState.DISABLED);
        assertThat(tally(engine, "pool", 30)).containsOnly(Map.entry("a1", 10), Map.entry("a2", 10), Map.entry("b1", 10));
    }

    @Test
    void affinityKeepsKeysFallsBackWhileUnavailableAndReturns() {
        Engine engine = engine(weightedPool(4, 1, true), ticker);
        List<String> keys = new ArrayList<>();
        Map<String, String> home = new ConcurrentHashMap<>();
        for (int k = 0; k < 200; k++) {
            keys.add("user-" + k);
            home.put("user-" + k, id(engine.pick("pool", "user-" + k, null)));
        }
        assertThat(home.values()).contains("b0", "b1", "b2", "b3");
        for (String k : keys) {
            assertThat(id(engine.pick("pool", k, null))).isEqualTo(home.get(k));
        }
        engine.forceBreaker("b1", ForceAction.OPEN);
        for (String k : keys) {
            String now = id(engine.pick("pool", k, null));
            assertThat(now).isNotEqualTo("b1");
            if (!home.get(k).equals("b1")) {
                assertThat(now).isEqualTo(home.get(k));
            }
        }
        engine.forceBreaker("b1", ForceAction.RESET);
        for (String k : keys) {
            assertThat(id(engine.pick("pool", k, null))).isEqualTo(home.get(k));
        }
    }

    @Test
    void affinityKeysStayInTheServingPriorityGroupAndFollowItsFailover() {
        GatewayConfig config = gateway(List.of(single("primary"), single("backup"), pool("pool", poolConfig(
                List.of(member("primary", null, 1), member("backup", null, 2)), true, WhenAllUnavailable.DEFAULT, null))),
                List.of());
        Engine engine = engine(config, ticker);
        Map<String, Integer> homes = new HashMap<>();
        for (int k = 0; k < 1000; k++) {
            homes.merge(id(engine.pick("pool", "session-" + k, null)), 1, Integer::sum);
        }
        // APIM's priority: the backup group takes nothing while the primary serves, sessions included.
        assertThat(homes).containsOnly(Map.entry("primary", 1000));
        engine.forceBreaker("primary", ForceAction.OPEN);
        assertThat(id(engine.pick("pool", "session-1", null))).isEqualTo("backup");
        engine.forceBreaker("primary", ForceAction.RESET);
        assertThat(id(engine.pick("pool", "session-1", null))).isEqualTo("primary");
    }

    @Test
    void concurrentPicksKeepExactTotals() throws InterruptedException {
        Engine engine = engine(gateway(single("a"), single("b"),
                pool("pool", member("a", 70, null), member("b", 30, null))), ticker);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        int threads = 4;
        int perThread = 25_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    counts.computeIfAbsent(id(engine.pick("pool", null, null)), k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(counts.get("a").get()).isEqualTo(70_000);
        assertThat(counts.get("b").get()).isEqualTo(30_000);
    }

    @Test
    void picksDoNotAllocate() {
        Engine engine = engine(weightedPool(10, 1, true), ticker);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String[] keys = new String[64];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "user-" + i;
        }
        for (int warm = 0; warm < 20_000; warm++) {
            engine.pick("pool", keys[warm & 63], null);
            engine.pick("pool", null, null);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            engine.pick("pool", keys[i & 63], null);
            engine.pick("pool", null, null);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 200k picks").isLessThan(10_000);
    }

    @Test
    void unknownTargetIsRejected() {
        Engine engine = engine(weightedPool(2, null, false), ticker);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.pick("nope", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    }

    private static String keyOn(Engine engine, String backend) {
        for (int k = 0; ; k++) {
            if (id(engine.pick("pool", "key-" + k, null)).equals(backend)) {
                return "key-" + k;
            }
        }
    }
}

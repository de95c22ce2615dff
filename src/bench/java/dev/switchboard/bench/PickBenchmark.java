package dev.switchboard.bench;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BackendType;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.config.WhenAllUnavailable;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Pick;
import dev.switchboard.engine.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of one pick: round-robin, weighted, least-request, peak-ewma and session affinity over 10 and 1,000 backends. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PickBenchmark {

    @State(Scope.Benchmark)
    public static class Pools {
        @Param({"10", "1000"})
        public int backends;

        public Engine engine;

        @Setup
        public void setUp() {
            Map<String, BackendConfig> all = new LinkedHashMap<>();
            List<PoolMember> even = new ArrayList<>();
            List<PoolMember> weighted = new ArrayList<>();
            // The latency-aware pools have backends of their own: only their picks count requests in flight, and a
            // weighted pool over other backends must not pay for it.
            List<PoolMember> latencyAware = new ArrayList<>();
            for (int i = 0; i < backends; i++) {
                for (String id : List.of("b" + i, "l" + i)) {
                    all.put(id, new BackendConfig(id, BackendType.SINGLE, "http://" + id + ".bench/", null, null, null,
                            null, null, TlsConfig.DEFAULT));
                }
                even.add(new PoolMember("b" + i, null, null));
                weighted.add(new PoolMember("b" + i, 1 + i % 7 * 13, null));
                latencyAware.add(new PoolMember("l" + i, 1 + i % 7 * 13, null));
            }
            all.put("rr", pool("rr", even, null));
            all.put("weighted", pool("weighted", weighted, null));
            all.put("affinity", pool("affinity", weighted,
                    new SessionAffinityConfig(SessionAffinityConfig.AffinitySource.Cookie, "session")));
            all.put("least-request", pool("least-request", new PoolConfig(latencyAware, null, WhenAllUnavailable.DEFAULT, null, Balancer.LEAST_REQUEST, null)));
            all.put("peak-ewma", pool("peak-ewma", new PoolConfig(latencyAware, null, WhenAllUnavailable.DEFAULT, null, Balancer.PEAK_EWMA, null)));
            engine = new Engine(new GatewayConfig(GatewaySettings.DEFAULTS, all, List.of(), false), Ticker.system(),
                    new SplittableRandom(1));
            // Every backend has answered once (0.5 to 20 ms), so peak-ewma compares measured costs.
            SplittableRandom latencies = new SplittableRandom(2);
            for (int i = 0; i < backends; i++) {
                Pick p = engine.pick("l" + i, null, null);
                engine.recordOutcome(p, 200, null, null, latencies.nextLong(500_000, 20_000_000));
            }
        }

        /**
         * The latency-aware pools' members l0, l{step}, l{2 step}... answer again now, in 1 ms: {@link PickCpuCompare}
         * sets the members' ages with it. Returns how long that took.
         */
        public long answerAgain(int step) {
            long start = System.nanoTime();
            for (int i = 0; i < backends; i += step) {
                Pick p = engine.pick("l" + i, null, null);
                engine.recordOutcome(p, 200, null, null, 1_000_000);
            }
            return System.nanoTime() - start;
        }

        private static BackendConfig pool(String id, List<PoolMember> members, SessionAffinityConfig affinity) {
            return pool(id, new PoolConfig(members, affinity, WhenAllUnavailable.DEFAULT, null));
        }

        private static BackendConfig pool(String id, PoolConfig pool) {
            return new BackendConfig(id, BackendType.POOL, null, null, null, pool, null, null, TlsConfig.DEFAULT);
        }
    }

    /** Per-thread session keys, built before measuring so the benchmark allocates nothing itself. */
    @State(Scope.Thread)
    public static class Keys {
        final String[] keys = new String[1024];
        int next;

        @Setup
        public void setUp() {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "session-" + Long.toHexString(new SplittableRandom(i).nextLong());
            }
        }

        String next() {
            return keys[next++ & (keys.length - 1)];
        }
    }

    @Benchmark
    public Pick roundRobin(Pools pools) {
        return pools.engine.pick("rr", null, null);
    }

    @Benchmark
    public Pick weighted(Pools pools) {
        return pools.engine.pick("weighted", null, null);
    }

    /** Picks only: requests stay in flight, which changes the counts compared, not the cost of comparing them. */
    @Benchmark
    public Pick leastRequest(Pools pools) {
        return pools.engine.pick("least-request", null, null);
    }

    @Benchmark
    public Pick peakEwma(Pools pools) {
        return pools.engine.pick("peak-ewma", null, null);
    }

    @Benchmark
    public Pick affinity(Pools pools, Keys keys) {
        return pools.engine.pick("affinity", keys.next(), null);
    }
}

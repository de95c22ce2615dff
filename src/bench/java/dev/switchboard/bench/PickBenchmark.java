package dev.switchboard.bench;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BackendType;
import dev.switchboard.config.BreakerScope;
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

/** Cost of one pick: round-robin, weighted and session affinity over 10 and 1,000 backends. */
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
            for (int i = 0; i < backends; i++) {
                String id = "b" + i;
                all.put(id, new BackendConfig(id, BackendType.SINGLE, "http://" + id + ".bench/", null, null, null,
                        null, null, TlsConfig.DEFAULT, BreakerScope.GATEWAY));
                even.add(new PoolMember(id, null, null));
                weighted.add(new PoolMember(id, 1 + i % 7 * 13, null));
            }
            all.put("rr", pool("rr", even, null));
            all.put("weighted", pool("weighted", weighted, null));
            all.put("affinity", pool("affinity", weighted,
                    new SessionAffinityConfig(SessionAffinityConfig.AffinitySource.Cookie, "session")));
            engine = new Engine(new GatewayConfig(GatewaySettings.DEFAULTS, all, List.of(), false), Ticker.system(),
                    new SplittableRandom(1));
        }

        private static BackendConfig pool(String id, List<PoolMember> members, SessionAffinityConfig affinity) {
            return new BackendConfig(id, BackendType.POOL, null, null, null,
                    new PoolConfig(members, affinity, WhenAllUnavailable.DEFAULT, null), null, null, TlsConfig.DEFAULT, BreakerScope.GATEWAY);
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

    @Benchmark
    public Pick affinity(Pools pools, Keys keys) {
        return pools.engine.pick("affinity", keys.next(), null);
    }
}

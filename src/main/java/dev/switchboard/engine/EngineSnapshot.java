package dev.switchboard.engine;

import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.RuleCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Immutable picture of the whole engine for telemetry and the console.
 *
 * @param version  config/overlay version (monotonic)
 * @param hash     SHA-256 hex of config + overrides
 * @param at       wall-clock time of the snapshot
 * @param backends every single backend, in config order
 * @param pools    every pool, in config order
 */
public record EngineSnapshot(long version, String hash, Instant at, List<BackendView> backends, List<PoolView> pools) {

    public EngineSnapshot {
        backends = List.copyOf(backends);
        pools = List.copyOf(pools);
    }

    /**
     * @param openRemaining time left in OPEN; null unless the breaker is OPEN
     * @param rules         each breaker rule's window counters
     */
    public record BackendView(String id, String url, AdminState adminState, Availability availability, String reason,
                              BreakerState breaker, Duration openRemaining, List<RuleCounters> rules,
                              ProbeHealth probe) {
        public BackendView {
            rules = List.copyOf(rules);
        }
    }

    public record PoolView(String id, List<MemberView> members) {
        public PoolView {
            members = List.copyOf(members);
        }

        /**
         * The priority group taking new picks: the best (lowest) priority with a pickable member of weight above 0,
         * or 0 when no member can take one. A change of it is a failover.
         */
        public int activePriority() {
            return members.stream().filter(m -> m.weight() > 0 && m.availability().pickable())
                    .mapToInt(MemberView::priority).min().orElse(0);
        }
    }

    /**
     * @param weight          weight after overrides
     * @param effectiveWeight weight that takes new picks now (0 when unavailable or draining, reduced in slow start)
     * @param priority        priority after overrides
     * @param availability    member availability (weight 0 shows as DRAINING)
     * @param backend         the member backend's own view (breaker, counters, time left)
     */
    public record MemberView(String backendId, int weight, double effectiveWeight, int priority,
                             Availability availability, String reason, BackendView backend) {
    }
}

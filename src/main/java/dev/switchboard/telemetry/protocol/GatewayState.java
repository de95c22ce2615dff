package dev.switchboard.telemetry.protocol;

import java.util.List;

/**
 * The engine's picture as the stream carries it: the body of {@code snapshot} and {@code state} messages and of
 * {@code GET /api/state}.
 *
 * @param version config/override version (commands carry it as {@code baseVersion})
 * @param hash    SHA-256 of config + overrides
 */
public record GatewayState(long version, String hash, List<ApiView> apis, List<PoolView> pools, List<BackendView> backends) {

    public GatewayState {
        apis = List.copyOf(apis);
        pools = List.copyOf(pools);
        backends = List.copyOf(backends);
    }

    /** The backend with this id, or null. */
    public BackendView backend(String id) {
        return backends.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    /** The pool with this id, or null. */
    public PoolView pool(String id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public record ApiView(String name, String host, String path, String backendId) {
    }

    public record PoolView(String id, List<MemberView> members) {
        public PoolView {
            members = List.copyOf(members);
        }

        /** The member for this backend, or null. */
        public MemberView member(String backendId) {
            return members.stream().filter(m -> m.backendId().equals(backendId)).findFirst().orElse(null);
        }
    }

    /**
     * @param weight          weight after overrides
     * @param effectiveWeight weight taking new picks now (0 when unavailable or draining, less in slow start)
     */
    public record MemberView(String backendId, int weight, double effectiveWeight, int priority, String availability,
                             String reason) {
    }

    /**
     * @param adminState      ENABLED, DRAIN, MAINTENANCE or DISABLED
     * @param availability    combined availability (engine {@code Availability} name)
     * @param reason          why it has that availability
     * @param breaker         breaker state (CLOSED, OPEN, HALF_OPEN, FORCED_OPEN, FORCED_CLOSED)
     * @param openRemainingMs time left OPEN; null unless OPEN
     * @param rules           each breaker rule's window
     * @param probe           probe health, null without a probe
     */
    public record BackendView(String id, String url, String adminState, String availability, String reason, String breaker,
                              Long openRemainingMs, List<RuleView> rules, String probe) {
        public BackendView {
            rules = List.copyOf(rules);
        }
    }

    public record RuleView(String rule, long failures, long requests, long intervalMs) {
    }
}

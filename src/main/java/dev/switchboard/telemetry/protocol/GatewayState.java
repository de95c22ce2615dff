package dev.switchboard.telemetry.protocol;

import java.util.List;

/**
 * The engine's picture as the stream carries it: the body of {@code snapshot} and {@code state} messages and of
 * {@code GET /api/state}.
 *
 * @param version         config/override version (commands carry it as {@code baseVersion})
 * @param hash            SHA-256 of config + overrides
 * @param trafficProfiles DNS traffic profiles; empty when the gateway has none (or is too old to send them)
 * @param overrides       the runtime overrides shadowing the config file's values; empty when there are none (or the
 *                        gateway is too old to send them)
 */
public record GatewayState(long version, String hash, List<ApiView> apis, List<PoolView> pools, List<BackendView> backends,
                           List<ProfileView> trafficProfiles, List<OverrideView> overrides) {

    public GatewayState {
        apis = List.copyOf(apis);
        pools = List.copyOf(pools);
        backends = List.copyOf(backends);
        trafficProfiles = trafficProfiles == null ? List.of() : List.copyOf(trafficProfiles);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A state without traffic profiles or overrides. */
    public GatewayState(long version, String hash, List<ApiView> apis, List<PoolView> pools, List<BackendView> backends) {
        this(version, hash, apis, pools, backends, List.of(), List.of());
    }

    /** This state with other backends, everything else kept. */
    public GatewayState withBackends(List<BackendView> replaced) {
        return new GatewayState(version, hash, apis, pools, replaced, trafficProfiles, overrides);
    }

    /** The override of {@code kind} ({@code weight}, {@code priority}, {@code adminState}) on this target, or null. */
    public OverrideView override(String kind, String pool, String backend) {
        return overrides.stream().filter(o -> o.kind().equals(kind) && o.backend().equals(backend)
                && (o.pool() == null || o.pool().equals(pool))).findFirst().orElse(null);
    }

    /** The traffic profile with this name, or null. */
    public ProfileView trafficProfile(String name) {
        return trafficProfiles.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
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

    /** @param timeoutMs the tightest per-try (or total) timeout of the routes to this pool; null when none routes here */
    public record PoolView(String id, List<MemberView> members, Long timeoutMs) {
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
     * @param timeoutMs       the tightest per-try (or total) timeout an attempt against it gets, directly or through a
     *                        pool; null when no route reaches it (or the gateway is too old to say)
     */
    public record BackendView(String id, String url, String adminState, String availability, String reason, String breaker,
                              Long openRemainingMs, List<RuleView> rules, String probe, Long timeoutMs) {
        public BackendView {
            rules = List.copyOf(rules);
        }
    }

    public record RuleView(String rule, long failures, long requests, long intervalMs) {
    }

    /**
     * A runtime override: an operator's value that wins over the config file's until cleared.
     *
     * @param kind        {@code weight}, {@code priority} or {@code adminState}
     * @param pool        the pool of a weight or priority; null for an admin state (per backend)
     * @param value       the override's value as text ({@code 50}, {@code DRAIN})
     * @param configValue the config's value it shadows, as text ({@code ENABLED} for admin states: the config has none)
     * @param setBy       the token name of the operator who set it, from the audit log; null when the log does not say
     * @param setAtMs     when it was set (epoch ms), from the audit log; null when the log does not say
     */
    public record OverrideView(String kind, String pool, String backend, String value, String configValue, String setBy, Long setAtMs) {
    }

    /**
     * A traffic profile as a console shows it.
     *
     * @param exists            false when the name answers NXDOMAIN
     * @param answer            targets a query may get now
     * @param answerChangedAtMs when the answer last changed (epoch ms); resolvers may keep the old one until this
     *                          plus {@code ttl} seconds
     * @param failedOverTo      the endpoint an operator promoted, or null
     * @param monitor           null without a monitor
     */
    public record ProfileView(String name, boolean enabled, long ttl, String routing, boolean exists, List<String> answer,
                              long answerChangedAtMs, String failedOverTo, MonitorView monitor, List<EndpointView> endpoints) {
        public ProfileView {
            answer = List.copyOf(answer);
            endpoints = List.copyOf(endpoints);
        }

        /** The endpoint with this name, or null. */
        public EndpointView endpoint(String endpointName) {
            return endpoints.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElse(null);
        }
    }

    /** @param path null for TCP */
    public record MonitorView(String protocol, int port, String path, long intervalMs, long timeoutMs, int toleratedFailures) {
    }

    /**
     * @param effectivePriority 0 while failed over to, else {@code priority}
     * @param operatorOverride  an operator's enable/disable differs from the config
     * @param monitorStatus     CHECKING, ONLINE, DEGRADED, DISABLED or STOPPED
     * @param failures          failed probes in a row
     * @param inAnswer          some query may get this endpoint now
     */
    public record EndpointView(String name, String target, int priority, int effectivePriority, int weight, String region, boolean enabled,
                               boolean operatorOverride, String monitorStatus, String reason, int failures, boolean inAnswer) {
    }
}

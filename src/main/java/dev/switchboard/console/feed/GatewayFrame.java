package dev.switchboard.console.feed;

import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The latest complete picture of one gateway. Immutable: feeds build a new one per sample and the UI keeps only
 * the newest.
 *
 * @param gatewayId     the console's name for the gateway (unique among connected gateways)
 * @param configId      the config's {@code gateway.id}: gateways with the same one should run the same config
 * @param statsSequence increases by one per statistics interval; {@code stats} belong to that interval
 * @param stats         per backend id, the latest completed interval
 * @param profiles      DNS traffic profiles; empty when the gateway has none
 * @param overrides     the runtime overrides shadowing config values; empty when there are none
 * @param transitions   breaker and availability changes the gateway still remembers, oldest first; empty for feeds
 *                      that have no past to tell
 */
public record GatewayFrame(String gatewayId, String configId, ConnectionState connection, String connectionReason,
                           long version, String hash, Instant at, List<BackendFrame> backends,
                           List<PoolFrame> pools, long statsSequence, Map<String, IntervalStats> stats,
                           List<ProfileFrame> profiles, List<OverrideFrame> overrides,
                           List<StateTransition> transitions) {

    public GatewayFrame {
        backends = List.copyOf(backends);
        pools = List.copyOf(pools);
        stats = Map.copyOf(stats);
        profiles = List.copyOf(profiles);
        overrides = List.copyOf(overrides);
        transitions = List.copyOf(transitions);
    }

    /** A frame without remembered transitions. */
    public GatewayFrame(String gatewayId, String configId, ConnectionState connection, String connectionReason,
                        long version, String hash, Instant at, List<BackendFrame> backends, List<PoolFrame> pools,
                        long statsSequence, Map<String, IntervalStats> stats, List<ProfileFrame> profiles,
                        List<OverrideFrame> overrides) {
        this(gatewayId, configId, connection, connectionReason, version, hash, at, backends, pools, statsSequence, stats,
                profiles, overrides, List.of());
    }

    /** A frame without overrides. */
    public GatewayFrame(String gatewayId, String configId, ConnectionState connection, String connectionReason,
                        long version, String hash, Instant at, List<BackendFrame> backends, List<PoolFrame> pools,
                        long statsSequence, Map<String, IntervalStats> stats, List<ProfileFrame> profiles) {
        this(gatewayId, configId, connection, connectionReason, version, hash, at, backends, pools, statsSequence, stats,
                profiles, List.of(), List.of());
    }

    /** The override of {@code kind} on this member (or backend, for an admin state), or null. */
    public OverrideFrame override(String kind, String poolId, String backendId) {
        return overrides.stream().filter(o -> o.covers(kind, poolId, backendId)).findFirst().orElse(null);
    }

    /**
     * This picture with another connection state, e.g. STALE once the console saw no stats for too long. Everything
     * else is kept: an override is still in force on a gateway the console merely lost sight of.
     */
    public GatewayFrame withConnection(ConnectionState state, String reason) {
        return new GatewayFrame(gatewayId, configId, state, reason, version, hash, at, backends, pools, statsSequence,
                stats, profiles, overrides, transitions);
    }

    /** Live data: connected and sending (LIVE, or LIVE_IDLE without traffic). */
    public boolean live() {
        return connection == ConnectionState.LIVE || connection == ConnectionState.LIVE_IDLE;
    }
}

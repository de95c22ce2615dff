package dev.switchboard.telemetry.client;

import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.GatewayState.BackendView;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.gateway.stats.BackendInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Immutable picture of one gateway as its stream described it so far. Each update is a new instance, so a console can
 * hand it to another thread as is.
 *
 * @param gatewayId   the gateway's id
 * @param state       config version and hash, apis, pools and backends (breaker, availability, weights)
 * @param stats       the latest stats interval per backend id
 * @param events      recent events, oldest first (at most {@link #MAX_EVENTS})
 * @param trafficSeen whether any backend has had a request since the connection opened
 * @param updatedAt   when the last message arrived
 * @param epoch       when the gateway's telemetry started (epoch ms): event ids count from 1 again in a new epoch
 *                    (a gateway restart); 0 from gateways that do not number events
 * @param lastEventId the id of the newest event the gateway had sent when this model was made; what to pass to
 *                    {@link HistoryFetcher#eventsSince} after a reconnect, if the epoch is the same
 * @param statsAtMillis the {@code ts} of the latest stats message: the gateway's clock, so rates over it do not
 *                      depend on when messages happened to arrive; 0 before the first one
 */
public record GatewayModel(String gatewayId, GatewayState state, Map<String, BackendInterval> stats, List<TelemetryEvent> events,
                           boolean trafficSeen, Instant updatedAt, long epoch, long lastEventId,
                           long statsAtMillis) {

    public static final int MAX_EVENTS = 200;

    public GatewayModel {
        stats = Map.copyOf(stats);
        events = List.copyOf(events);
    }

    /** The version to put in a command's {@code baseVersion}. */
    public long version() {
        return state.version();
    }

    public BackendView backend(String id) {
        return state.backend(id);
    }

    /** Traffic profiles: per profile its answer, when it changed, monitor settings and every endpoint's status. */
    public List<GatewayState.ProfileView> trafficProfiles() {
        return state.trafficProfiles();
    }

    /** The traffic profile with this name (any case), or null. */
    public GatewayState.ProfileView trafficProfile(String name) {
        return state.trafficProfile(name);
    }

    /** The latest interval of {@code backendId}, or null before the first stats message. */
    public BackendInterval stats(String backendId) {
        return stats.get(backendId);
    }

    GatewayModel withState(GatewayState next, Instant at) {
        return new GatewayModel(gatewayId, next, stats, events, trafficSeen, at, epoch, lastEventId, statsAtMillis);
    }

    GatewayModel withStats(List<BackendInterval> intervals, Instant at, long gatewayMillis) {
        Map<String, BackendInterval> next = new LinkedHashMap<>();
        boolean traffic = trafficSeen;
        for (BackendInterval i : intervals) {
            next.put(i.id(), i);
            traffic |= i.requests() > 0;
        }
        return new GatewayModel(gatewayId, state, next, events, traffic, at, epoch, lastEventId, gatewayMillis);
    }

    /**
     * Records the event ({@code eventId} 0 when the gateway does not number events) and applies what it says to the
     * backend it names, until the next state message.
     */
    GatewayModel withEvent(TelemetryEvent event, long eventId, Instant at) {
        List<TelemetryEvent> next = new ArrayList<>(events.size() + 1);
        next.addAll(events.size() >= MAX_EVENTS ? events.subList(1, events.size()) : events);
        next.add(event);
        GatewayState s = switch (event) {
            case TelemetryEvent.Breaker b -> replace(b.backendId(), v -> new BackendView(v.id(), v.url(), v.adminState(), v.availability(),
                    v.reason(), b.to(), v.openRemainingMs(), b.counters(), v.probe(), v.timeoutMs()));
            case TelemetryEvent.Availability a -> replace(a.backendId(), v -> new BackendView(v.id(), v.url(), v.adminState(), a.to(),
                    a.reason(), v.breaker(), v.openRemainingMs(), v.rules(), v.probe(), v.timeoutMs()));
            default -> state;
        };
        return new GatewayModel(gatewayId, s, stats, next, trafficSeen, at, epoch, Math.max(lastEventId, eventId),
                statsAtMillis);
    }

    private GatewayState replace(String backendId, UnaryOperator<BackendView> change) {
        List<BackendView> backends = state.backends().stream().map(v -> v.id().equals(backendId) ? change.apply(v) : v).toList();
        return state.withBackends(backends);
    }
}

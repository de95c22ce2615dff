package dev.switchboard.console.remote;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.ConsoleEvents;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.RuleCounters;
import dev.switchboard.telemetry.client.ConnectionStatus;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the telemetry client's model, status and events into the console's feed-neutral frames and events. */
final class TelemetryFrames {

    private TelemetryFrames() {
    }

    /**
     * @param statsInterval how long the latest stats interval lasted, as measured between arrivals
     */
    static GatewayFrame frame(String consoleId, GatewayModel m, ConnectionStatus status, long statsSequence,
                              Duration statsInterval) {
        GatewayState s = m.state();
        Map<String, Long> timeouts = new HashMap<>();
        s.backends().forEach(b -> timeouts.put(b.id(), b.timeoutMs()));
        Map<String, IntervalStats> stats = new HashMap<>();
        m.stats().forEach((id, i) -> stats.put(id, IntervalStats.of(i, statsInterval, m.statsAtMillis())));
        return new GatewayFrame(consoleId, m.gatewayId(), status.state(),
                status.reason() == null ? "" : status.reason(), s.version(), s.hash(), m.updatedAt(),
                s.backends().stream().map(TelemetryFrames::backend).toList(),
                s.pools().stream().map(p -> new PoolFrame(p.id(), p.members().stream().map(mv -> new MemberFrame(
                        mv.backendId(), mv.weight(), mv.priority(), Availability.valueOf(mv.availability()),
                        mv.reason(), duration(timeouts.get(mv.backendId())))).toList(), duration(p.timeoutMs()))).toList(),
                statsSequence, stats, s.trafficProfiles().stream().map(TelemetryFrames::profile).toList(),
                s.overrides().stream().map(TelemetryFrames::override).toList(), RingTransitions.of(m.events()));
    }

    /** A timeout from the wire; null from gateways too old to send it. */
    private static Duration duration(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    static OverrideFrame override(GatewayState.OverrideView o) {
        return new OverrideFrame(o.kind(), o.pool(), o.backend(), o.value(), o.configValue(), o.setBy(),
                o.setAtMs() == null ? null : Instant.ofEpochMilli(o.setAtMs()));
    }

    static ProfileFrame profile(GatewayState.ProfileView p) {
        GatewayState.MonitorView m = p.monitor();
        return new ProfileFrame(p.name(), p.enabled(), p.ttl(), RoutingMethod.valueOf(p.routing().toUpperCase(Locale.ROOT)),
                p.exists(), p.answer(), Instant.ofEpochMilli(p.answerChangedAtMs()), p.failedOverTo(),
                m == null ? null : new MonitorFrame(m.protocol(), m.port(), m.path(), Duration.ofMillis(m.intervalMs()),
                        Duration.ofMillis(m.timeoutMs()), m.toleratedFailures()),
                p.endpoints().stream().map(e -> new EndpointFrame(e.name(), e.target(), e.priority(),
                        e.effectivePriority(), e.weight(), e.region(), e.enabled(), e.operatorOverride(),
                        MonitorStatus.valueOf(e.monitorStatus()), e.reason(), e.failures(), e.inAnswer())).toList());
    }

    private static BackendFrame backend(GatewayState.BackendView b) {
        return new BackendFrame(b.id(), AdminState.valueOf(b.adminState()), Availability.valueOf(b.availability()),
                b.reason(), BreakerState.valueOf(b.breaker()),
                b.openRemainingMs() == null ? null : Duration.ofMillis(b.openRemainingMs()),
                b.rules().stream().map(r -> new RuleCounters(r.rule(), r.failures(), r.requests(),
                        Duration.ofMillis(r.intervalMs()))).toList());
    }

    static ConsoleEvent event(String consoleId, TelemetryEvent e) {
        Instant at = Instant.ofEpochMilli(e.ts());
        return switch (e) {
            case TelemetryEvent.Breaker b -> new ConsoleEvent(at, consoleId, b.backendId(), EventKind.BREAKER,
                    b.to().equals("OPEN") || b.to().equals("FORCED_OPEN"),
                    "breaker " + b.from() + " -> " + b.to() + ": " + b.reason());
            case TelemetryEvent.Availability a -> new ConsoleEvent(at, consoleId, a.backendId(),
                    a.from().equals("UNHEALTHY") || a.to().equals("UNHEALTHY") ? EventKind.PROBE : EventKind.AVAILABILITY,
                    false, a.from() + " -> " + a.to() + ": " + a.reason());
            case TelemetryEvent.ConfigChange c -> new ConsoleEvent(at, consoleId, "", EventKind.CONFIG, false,
                    c.what() + " (version " + c.version() + ")" + (c.diff().isEmpty() ? "" : " " + c.diff()));
            case TelemetryEvent.OperatorAction o -> ConsoleEvents.operatorAction(at, consoleId, o.who(), o.action(),
                    o.target(), o.before(), o.after(), o.version());
            case TelemetryEvent.EndpointStatus d -> ConsoleEvents.endpointStatus(at, consoleId, d.profile(), d.endpoint(),
                    d.from(), d.to(), d.reason());
            case TelemetryEvent.DnsAnswer d -> ConsoleEvents.dnsAnswer(at, consoleId, d.profile(), d.answer(), d.exists(),
                    d.ttl());
            case TelemetryEvent.NotificationFailed n -> ConsoleEvents.notificationFailed(at, consoleId, n.target(), n.eventType(),
                    n.attempts(), n.reason(), n.lastError());
            case TelemetryEvent.ConfigSource c -> new ConsoleEvent(at, consoleId, "", EventKind.CONFIG, !c.connected(),
                    "config source " + c.source() + ": " + c.detail());
        };
    }

    /** An event from a snapshot's ring: history for the log, too old for a notification. */
    static ConsoleEvent replayed(String consoleId, TelemetryEvent e) {
        ConsoleEvent c = event(consoleId, e);
        return new ConsoleEvent(c.at(), c.gatewayId(), c.backendId(), c.kind(), false, c.message());
    }

    static ConsoleEvent connection(String consoleId, ConnectionStatus status) {
        return new ConsoleEvent(status.since(), consoleId, "", EventKind.CONNECTION,
                status.state() == ConnectionState.DISCONNECTED,
                status.state() + (status.reason() == null ? "" : ": " + status.reason()));
    }
}

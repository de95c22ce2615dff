package dev.switchboard.telemetry.server;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.EffectiveTimeouts;
import dev.switchboard.config.EndpointMonitorConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.dns.ProfileEvent;
import dev.switchboard.dns.ProfileSnapshot;
import dev.switchboard.engine.AvailabilityChange;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.StateChange;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.engine.breaker.RuleCounters;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.GatewayState.ApiView;
import dev.switchboard.telemetry.protocol.GatewayState.BackendView;
import dev.switchboard.telemetry.protocol.GatewayState.EndpointView;
import dev.switchboard.telemetry.protocol.GatewayState.MemberView;
import dev.switchboard.telemetry.protocol.GatewayState.MonitorView;
import dev.switchboard.telemetry.protocol.GatewayState.OverrideView;
import dev.switchboard.telemetry.protocol.GatewayState.PoolView;
import dev.switchboard.telemetry.protocol.GatewayState.ProfileView;
import dev.switchboard.telemetry.protocol.GatewayState.RuleView;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns engine and traffic-profile snapshots and events into their protocol form. */
final class StateViews {

    private StateViews() {
    }

    static GatewayState state(EngineSnapshot s, GatewayConfig config, List<ProfileSnapshot> profiles, List<OverrideView> overrides) {
        List<ApiView> apis = config.apis().stream().map(StateViews::api).toList();
        EffectiveTimeouts timeouts = EffectiveTimeouts.of(config);
        List<PoolView> pools = s.pools().stream().map(p -> new PoolView(p.id(), p.members().stream()
                .map(m -> new MemberView(m.backendId(), m.weight(), m.effectiveWeight(), m.priority(), m.availability().name(), m.reason()))
                .toList(), millis(timeouts.ofPool(p.id())))).toList();
        List<BackendView> backends = s.backends().stream().map(b -> new BackendView(b.id(), b.url(), b.adminState().name(),
                b.availability().name(), b.reason(), b.breaker().name(), millis(b.openRemaining()),
                rules(b.rules()), b.probe() == null ? null : b.probe().toString(), millis(timeouts.ofBackend(b.id())))).toList();
        return new GatewayState(s.version(), s.hash(), apis, pools, backends, profiles.stream().map(StateViews::profile).toList(),
                overrides);
    }

    private static ProfileView profile(ProfileSnapshot p) {
        EndpointMonitorConfig m = p.monitor();
        MonitorView monitor = m == null ? null : new MonitorView(m.protocol().name(), m.port(), m.path(), m.interval().toMillis(),
                m.timeout().toMillis(), m.toleratedFailures());
        return new ProfileView(p.name(), p.enabled(), p.ttl(), p.routing().jsonName(), p.exists(), p.answer(),
                p.answerChangedAt().toEpochMilli(), p.failedOverTo(), monitor, p.endpoints().stream()
                .map(e -> new EndpointView(e.name(), e.target(), e.priority(), e.effectivePriority(), e.weight(), e.region(), e.enabled(),
                        e.operatorOverride(), e.status().name(), e.reason(), e.failures(), e.inAnswer()))
                .toList());
    }

    /** The protocol form of a traffic-profile event. */
    static TelemetryEvent event(ProfileEvent e) {
        long ts = e.at().toEpochMilli();
        return switch (e) {
            case ProfileEvent.EndpointStatusChanged c -> new TelemetryEvent.EndpointStatus(ts, c.profile(), c.endpoint(),
                    c.from() == null ? null : c.from().name(), c.to().name(), c.reason());
            case ProfileEvent.AnswerChanged a -> new TelemetryEvent.DnsAnswer(ts, a.profile(), a.answer(), a.exists(), a.ttl());
        };
    }

    /** The protocol form of an engine event; {@code diff} is only used for config changes. */
    static TelemetryEvent event(EngineEvent e, Map<String, List<String>> diff) {
        long ts = e.at().toEpochMilli();
        return switch (e) {
            case BreakerTransition t -> new TelemetryEvent.Breaker(ts, t.backendId(), t.from().name(), t.to().name(), t.rule(),
                    t.reason(), rules(t.counters()));
            case AvailabilityChange a -> new TelemetryEvent.Availability(ts, a.backendId(), a.from().name(), a.to().name(), a.reason());
            case StateChange c -> new TelemetryEvent.ConfigChange(ts, c.version(), c.hash(), c.what(), diff);
            default -> throw new IllegalArgumentException("unknown engine event " + e.getClass().getName());
        };
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static ApiView api(ApiConfig api) {
        return new ApiView(api.name(), api.host(), api.path(), api.backendId());
    }

    private static List<RuleView> rules(List<RuleCounters> counters) {
        return counters.stream().map(r -> new RuleView(r.rule(), r.failures(), r.requests(), r.interval().toMillis())).toList();
    }
}

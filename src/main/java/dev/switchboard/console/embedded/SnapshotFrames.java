package dev.switchboard.console.embedded;

import dev.switchboard.config.EffectiveTimeouts;
import dev.switchboard.config.EndpointMonitorConfig;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.ProfileSnapshot;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.engine.EngineSnapshot;
import java.util.List;
import java.util.Map;

/** Turns engine and traffic-profile snapshots into the console's feed-neutral frame. */
final class SnapshotFrames {

    private SnapshotFrames() {
    }

    static GatewayFrame frame(String gatewayId, String configId, EngineSnapshot s, EffectiveTimeouts timeouts, long statsSequence,
                              Map<String, IntervalStats> stats, List<ProfileSnapshot> profiles,
                              List<OverrideFrame> overrides) {
        boolean idle = stats.values().stream().allMatch(i -> i.requests() == 0);
        return new GatewayFrame(gatewayId, configId, idle ? ConnectionState.LIVE_IDLE : ConnectionState.LIVE,
                idle ? "in process, no traffic in the last interval" : "in process", s.version(), s.hash(), s.at(),
                s.backends().stream().map(b -> new BackendFrame(b.id(), b.adminState(), b.availability(), b.reason(),
                        b.breaker(), b.openRemaining(), b.rules())).toList(),
                s.pools().stream().map(p -> new PoolFrame(p.id(), p.members().stream().map(m -> new MemberFrame(
                        m.backendId(), m.weight(), m.priority(), m.availability(), m.reason(),
                        timeouts.ofBackend(m.backendId()))).toList(), timeouts.ofPool(p.id()))).toList(),
                statsSequence, stats, profiles.stream().map(SnapshotFrames::profile).toList(), overrides);
    }

    static ProfileFrame profile(ProfileSnapshot p) {
        EndpointMonitorConfig m = p.monitor();
        return new ProfileFrame(p.name(), p.enabled(), p.ttl(), p.routing(), p.exists(), p.answer(),
                p.answerChangedAt(), p.failedOverTo(),
                m == null ? null : new MonitorFrame(m.protocol().name(), m.port(), m.path(), m.interval(), m.timeout(),
                        m.toleratedFailures()),
                p.endpoints().stream().map(e -> new EndpointFrame(e.name(), e.target(), e.priority(),
                        e.effectivePriority(), e.weight(), e.region(), e.enabled(), e.operatorOverride(), e.status(),
                        e.reason(), e.failures(), e.inAnswer())).toList());
    }
}

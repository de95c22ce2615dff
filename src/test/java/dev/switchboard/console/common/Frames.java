package dev.switchboard.console.common;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small frames for view-model tests: one pool "p" with members a (priority 1) and b (priority 2 unless said). */
public final class Frames {

    private Frames() {
    }

    public static MemberFrame member(String id, int weight, int priority, Availability availability) {
        return new MemberFrame(id, weight, priority, availability, availability.name().toLowerCase());
    }

    public static BackendFrame backend(String id, BreakerState breaker) {
        return new BackendFrame(id, AdminState.ENABLED, Availability.AVAILABLE, "available", breaker,
                breaker == BreakerState.OPEN ? Duration.ofSeconds(5) : null, List.of());
    }

    public static GatewayFrame frame(String gateway, String hash, long at, long seq, List<MemberFrame> members,
                              Map<String, IntervalStats> stats) {
        return new GatewayFrame(gateway, "cfg", ConnectionState.LIVE, "test", 1, hash, Instant.ofEpochMilli(at),
                members.stream().map(m -> backend(m.backendId(), BreakerState.CLOSED)).toList(),
                List.of(new PoolFrame("p", members)), seq, stats, List.of());
    }

    public static IntervalStats requests(long n) {
        return new IntervalStats(n, 0, 0, 1, 2, 3, Duration.ofSeconds(1));
    }
}

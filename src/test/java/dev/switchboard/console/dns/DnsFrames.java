package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small traffic profiles for view-model tests; the answer is given, as a gateway would report it. */
final class DnsFrames {

    static final MonitorFrame MONITOR = new MonitorFrame("HTTP", 8080, "/health", Duration.ofSeconds(10),
            Duration.ofSeconds(5), 2);

    private DnsFrames() {
    }

    static EndpointFrame endpoint(String name, String target, int priority, MonitorStatus status) {
        return region(name, target, priority, status, null);
    }

    static EndpointFrame region(String name, String target, int priority, MonitorStatus status, String region) {
        return new EndpointFrame(name, target, priority, priority, 1, region, status != MonitorStatus.DISABLED, false,
                status, status.name().toLowerCase(), 0, false);
    }

    static ProfileFrame profile(RoutingMethod routing, String failedOverTo, List<String> answer, Instant changedAt,
                                EndpointFrame... endpoints) {
        return new ProfileFrame("api.example.test", true, 30, routing, !answer.isEmpty(), answer, changedAt,
                failedOverTo, MONITOR, List.of(endpoints));
    }

    /** East (priority 1) and west (priority 2), both online, answering east since {@code changedAt}. */
    static ProfileFrame eastWest(Instant changedAt) {
        return profile(RoutingMethod.PRIORITY, null, List.of("10.0.0.1"), changedAt,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("west", "10.0.0.2", 2, MonitorStatus.ONLINE));
    }

    static GatewayFrame gateway(String id, ProfileFrame... profiles) {
        return new GatewayFrame(id, "cfg", ConnectionState.LIVE, "test", 1, "h", Instant.EPOCH, List.of(), List.of(), 0,
                Map.of(), List.of(profiles));
    }
}

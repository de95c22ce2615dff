package dev.switchboard.console.remote;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Telemetry's traffic profiles, DNS events and webhook dead letters in the console's terms. */
class TelemetryFramesTest {

    @Test
    void aProfileViewBecomesAFrameWithTypedRoutingStatusAndDurations() {
        GatewayState.ProfileView view = new GatewayState.ProfileView("geo.example.test", true, 30, "geographic", true,
                List.of("10.1.0.1"), 1_763_930_000_000L, null,
                new GatewayState.MonitorView("TCP", 443, null, 10_000, 5_000, 2),
                List.of(new GatewayState.EndpointView("eu", "10.1.0.1", 1, 1, 5, "eu", true, false, "DEGRADED",
                        "3 failed probe(s) in a row", 3, true)));

        ProfileFrame p = TelemetryFrames.profile(view);

        assertThat(p.routing()).isEqualTo(RoutingMethod.GEOGRAPHIC);
        assertThat(p.answerChangedAt()).isEqualTo(Instant.ofEpochMilli(1_763_930_000_000L));
        assertThat(p.monitor()).isEqualTo(new MonitorFrame("TCP", 443, null, Duration.ofSeconds(10), Duration.ofSeconds(5), 2));
        assertThat(p.endpoints()).containsExactly(new EndpointFrame("eu", "10.1.0.1", 1, 1, 5, "eu", true, false,
                MonitorStatus.DEGRADED, "3 failed probe(s) in a row", 3, true));
        assertThat(TelemetryFrames.profile(new GatewayState.ProfileView("x.example.test", true, 60, "priority", false,
                List.of(), 0, null, null, List.of())).monitor()).isNull();
    }

    @Test
    void dnsEventsAreTheirOwnKindsFiledUnderTheProfile() {
        ConsoleEvent status = TelemetryFrames.event("r", new TelemetryEvent.EndpointStatus(1000, "api.orders.test", "east",
                "ONLINE", "DEGRADED", "2 failed probe(s) in a row"));
        assertThat(status).isEqualTo(new ConsoleEvent(Instant.ofEpochSecond(1), "r", "api.orders.test/east",
                EventKind.DNS_MONITOR, false, "monitor ONLINE -> DEGRADED: 2 failed probe(s) in a row"));

        ConsoleEvent nxdomain = TelemetryFrames.event("r", new TelemetryEvent.DnsAnswer(1000, "api.orders.test", List.of(),
                false, 30));
        assertThat(nxdomain).isEqualTo(new ConsoleEvent(Instant.ofEpochSecond(1), "r", "api.orders.test",
                EventKind.DNS_ANSWER, true, "answer NXDOMAIN; resolvers may keep the old one for 30 s"));
    }

    @Test
    void webhookDeadLettersAreNotificationEventsWorthAnAlert() {
        ConsoleEvent failed = TelemetryFrames.event("r", new TelemetryEvent.NotificationFailed(1000, "pager",
                "Microsoft.ApiManagement.CircuitBreaker.Opened", "id-1", 4, "retries_exhausted", "HTTP 500"));
        assertThat(failed).isEqualTo(new ConsoleEvent(Instant.ofEpochSecond(1), "r", "webhook pager", EventKind.NOTIFICATION, true,
                "not delivered: Microsoft.ApiManagement.CircuitBreaker.Opened (retries_exhausted, 4 attempt(s), last: HTTP 500)"));
    }
}

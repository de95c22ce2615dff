package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook's dead letters reach consoles on the telemetry stream (the Events view) and /metrics; its secret stays hidden. */
class NotificationFailuresTest {

    @Test
    void deadLettersAreStreamedAndCounted() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (TelemetryHarness h = new TelemetryHarness()) {
            RawConsole console = h.raw(TelemetryHarness.VIEWER);
            console.next("snapshot");
            h.applyNotifications("""
                    { "name": "pager", "url": "http://127.0.0.1:%d/hook", "events": [ "breakerOpened" ], "retries": 0 }""".formatted(closed));
            h.gateway.engine().forceBreaker("a", ForceAction.OPEN);

            JsonNode failed = console.next("notificationFailed");
            assertThat(failed.path("target").asText()).isEqualTo("pager");
            assertThat(failed.path("eventType").asText()).isEqualTo("Microsoft.ApiManagement.CircuitBreaker.Opened");
            assertThat(failed.path("reason").asText()).isEqualTo("retries_exhausted");
            assertThat(failed.path("attempts").asInt()).isEqualTo(1);
            assertThat(failed.path("lastError").asText()).isEqualTo("connection refused or unreachable");

            Eventually.await("dead letter counted", Duration.ofSeconds(5), () -> MetricsTest.sum(
                    MetricsTest.parse(h.adminGet("/metrics", TelemetryHarness.VIEWER).body()), "switchboard_notifications_dead_letters_total",
                    Map.of("target", "pager", "reason", "retries_exhausted")) == 1);
        }
    }

    @Test
    void viewersDoNotSeeWebhookSecrets() {
        try (TelemetryHarness h = new TelemetryHarness()) {
            h.applyNotifications("""
                    { "name": "pager", "url": "http://127.0.0.1:9/hook", "secret": "webhook-signing-secret-42" }""");
            assertThat(h.adminGet("/api/config", TelemetryHarness.VIEWER).body()).contains("\"pager\"").doesNotContain("webhook-signing-secret-42");
            assertThat(h.adminGet("/api/config", TelemetryHarness.OPERATOR).body()).contains("webhook-signing-secret-42");
        }
    }
}

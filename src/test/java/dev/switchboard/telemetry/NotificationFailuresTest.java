package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook's dead letters reach consoles on the telemetry stream (the Events view) and /metrics; its secret stays hidden. */
class NotificationFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void refusedConfigsAndOperatorActionsFromTheControlApiAreNotified() throws Exception {
        try (TelemetryHarness h = new TelemetryHarness(); WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            h.applyNotifications("""
                    { "name": "audit", "url": "%s", "events": [ "configRefused", "operatorAction" ] }""".formatted(receiver.url()));
            long version = h.gateway.engine().version();
            assertThat(put(h, version, "{ \"backends\": { } }").statusCode()).isEqualTo(422);
            // The running config, notifications included: replacing it is an audited operator action.
            assertThat(put(h, version, ConfigWriter.toJson(h.gateway.config())).statusCode()).isEqualTo(200);
            Eventually.await("both delivered", Duration.ofSeconds(10), () -> receiver.received.size() == 2);
            JsonNode refused = JSON.readTree(receiver.received.get(0).body());
            assertThat(refused.path("type").asText()).isEqualTo("dev.switchboard.Config.Refused");
            assertThat(refused.path("data").path("source").asText()).isEqualTo("control API (alice)");
            assertThat(refused.path("data").path("problems").get(0).asText()).isEqualTo("backends (line 1, col 15): must define at least one backend");
            JsonNode action = JSON.readTree(receiver.received.get(1).body());
            assertThat(action.path("type").asText()).isEqualTo("dev.switchboard.Operator.Action");
            assertThat(action.path("data").path("who").asText()).isEqualTo("alice");
            assertThat(action.path("data").path("action").asText()).isEqualTo("replaceConfig");
        }
    }

    private static HttpResponse<String> put(TelemetryHarness h, long baseVersion, String config) {
        return h.send(HttpRequest.newBuilder(h.adminUri("/api/config")).header("Authorization", "Bearer " + TelemetryHarness.OPERATOR)
                .header("If-Match", "\"" + baseVersion + "\"").PUT(HttpRequest.BodyPublishers.ofString(config)).build());
    }
}

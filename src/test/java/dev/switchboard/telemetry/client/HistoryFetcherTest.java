package dev.switchboard.telemetry.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page from a newer gateway, over a real loopback socket: events and audit entries of a kind this console cannot
 * read are skipped and counted, and the rest of the page still arrives.
 */
class HistoryFetcherTest {

    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEventOfAnUnknownKindIsSkippedAndCountedNotTheWholePage() throws Exception {
        serve("/api/events", """
                { "gateway": "gw", "epoch": 7, "lastEventId": 12, "complete": true, "oldestEventId": 1, "retained": 1000,
                  "events": [
                    { "eventId": 10, "type": "breaker", "ts": 1000, "backendId": "a", "from": "CLOSED", "to": "OPEN", "reason": "rule 'x'", "counters": [] },
                    { "eventId": 11, "type": "quantum-flux", "ts": 1001, "backendId": "a" },
                    { "eventId": 12, "type": "breaker", "ts": 1002, "backendId": "a", "from": "OPEN", "to": "HALF_OPEN", "reason": "trial", "counters": [] } ] }
                """);
        serve("/api/audit", """
                { "gateway": "gw", "more": false, "entries": [
                    { "type": "operator", "ts": 1000, "who": "dana", "action": "setWeight", "target": "p/a", "before": "1", "after": "2", "version": 3 },
                    { "type": "operator", "ts": "not a time" } ] }
                """);
        try (HistoryFetcher fetcher = new HistoryFetcher(URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/telemetry"),
                "token", null)) {
            HistoryFetcher.EventPage events = fetcher.eventsSince(9).get(10, TimeUnit.SECONDS);
            assertThat(events.events()).extracting(HistoryFetcher.NumberedEvent::eventId).containsExactly(10L, 12L);
            assertThat(events.unreadable()).isEqualTo(1);
            assertThat(events.lastEventId()).isEqualTo(12);

            HistoryFetcher.AuditPage audit = fetcher.auditSince(0, 1000).get(10, TimeUnit.SECONDS);
            assertThat(audit.entries()).extracting(TelemetryEvent.OperatorAction::who).containsExactly("dana");
            assertThat(audit.unreadable()).isEqualTo(1);
        }
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

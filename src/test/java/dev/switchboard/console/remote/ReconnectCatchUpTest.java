package dev.switchboard.console.remote;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catch-up whose gateway answers badly (not JSON, an error status) over a real loopback HTTP listener: the console
 * says the fetch failed, still shows the snapshot's ring once, and live events keep flowing.
 */
class ReconnectCatchUpTest {

    private static final long EPOCH = 1_764_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<ConsoleEvent> shown = new CopyOnWriteArrayList<>();
    private final FeedListener listener = new FeedListener() {
        @Override
        public void frame(GatewayFrame frame) {
        }

        @Override
        public void event(ConsoleEvent event) {
            shown.add(event);
        }
    };
    private HttpServer server;
    private TelemetryClient client;

    @BeforeEach
    void badGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/events", x -> answer(x, 200, "<html>a proxy's login page</html>"));
        server.createContext("/api/audit", x -> answer(x, 503, "{\"error\":\"audit log unreadable\"}"));
        server.start();
        client = TelemetryClient.builder(URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/telemetry"),
                "token").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aFailedFetchIsSaidOnceAndNeitherTheRingNorLiveEventsAreLost() {
        ReconnectCatchUp catchUp = new ReconnectCatchUp("edge", listener, client::history);
        catchUp.snapshot(model(ring(1, 3), 3));
        catchUp.live(availability(4), 4);
        assertThat(shown).hasSize(4);

        catchUp.snapshot(model(ring(101, 300), 300));
        catchUp.live(availability(301), 301);
        Eventually.await("the failed fetch reported", WAIT, () -> shown.stream().anyMatch(e -> e.kind() == EventKind.CONNECTION));

        List<ConsoleEvent> failure = shown.stream().filter(e -> e.kind() == EventKind.CONNECTION).toList();
        assertThat(failure).singleElement().satisfies(e -> {
            assertThat(e.alert()).isTrue();
            assertThat(e.message()).startsWith("could not fetch the events missed while disconnected (only the newest 200 are shown): ");
        });
        List<ConsoleEvent> transitions = shown.stream().filter(e -> e.kind() != EventKind.CONNECTION).toList();
        assertThat(transitions).as("the ring once, then the live event held behind the fetch").hasSize(4 + 200 + 1);
        assertThat(transitions.getLast().at()).isEqualTo(Instant.ofEpochMilli(EPOCH + 301));
        assertThat(transitions).extracting(ConsoleEvent::at).doesNotHaveDuplicates();

        catchUp.live(availability(302), 302);
        assertThat(shown.getLast().at()).as("the feed goes on").isEqualTo(Instant.ofEpochMilli(EPOCH + 302));
    }

    private static GatewayModel model(List<TelemetryEvent> ring, long lastEventId) {
        GatewayState state = new GatewayState(1, "h", List.of(), List.of(), List.of());
        return new GatewayModel("edge-1", state, Map.of(), ring, false, Instant.ofEpochMilli(EPOCH), EPOCH, lastEventId, 0);
    }

    /** Events {@code first} to {@code last}, each at epoch + its id, so rows tell which ones arrived. */
    private static List<TelemetryEvent> ring(long first, long last) {
        return new ArrayList<>(LongStream.rangeClosed(first, last).mapToObj(ReconnectCatchUpTest::availability).toList());
    }

    private static TelemetryEvent availability(long id) {
        return new TelemetryEvent.Availability(EPOCH + id, "a", id % 2 == 0 ? "AVAILABLE" : "UNHEALTHY",
                id % 2 == 0 ? "UNHEALTHY" : "AVAILABLE", "probe " + id);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

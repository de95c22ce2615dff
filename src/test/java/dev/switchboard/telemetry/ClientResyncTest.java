package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.testing.Eventually;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

/** The client asks for a fresh snapshot when {@code seq} jumps, and goes STALE when the stream falls silent. */
class ClientResyncTest {

    private static final String STATE = "\"state\":{\"version\":4,\"hash\":\"h\",\"apis\":[],\"pools\":[],\"backends\":["
            + "{\"id\":\"a\",\"url\":\"http://x\",\"adminState\":\"ENABLED\",\"availability\":\"AVAILABLE\",\"breaker\":\"CLOSED\",\"rules\":[]}]}";

    /**
     * A scripted gateway: sends snapshot 1, then stats with seq 3 (2 is "lost"), refuses the first {@code refusals}
     * resyncs as RATE_LIMITED, and answers the next with a snapshot of version 5.
     */
    static final class ScriptedGateway extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        private final AtomicInteger refusals;
        private final AtomicInteger seq = new AtomicInteger(3);

        ScriptedGateway(int refusals) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.refusals = new AtomicInteger(refusals);
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"seq\":1,\"type\":\"snapshot\",\"v\":1,\"gateway\":\"fake\",\"ts\":1," + STATE + ",\"events\":[]}");
            conn.send("{\"seq\":3,\"type\":\"stats\",\"v\":1,\"gateway\":\"fake\",\"ts\":2,\"periodMs\":250,\"backends\":[]}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(message);
            if (message.contains("\"resync\"") && refusals.getAndDecrement() > 0 && id.find()) {
                conn.send("{\"seq\":" + seq.incrementAndGet() + ",\"type\":\"error\",\"v\":1,\"gateway\":\"fake\",\"ts\":3,\"id\":\"" + id.group(1)
                        + "\",\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"problems\":[]}");
            } else if (message.contains("\"resync\"")) {
                conn.send("{\"seq\":" + seq.incrementAndGet() + ",\"type\":\"snapshot\",\"v\":1,\"gateway\":\"fake\",\"ts\":3," + STATE.replace("\"version\":4", "\"version\":5")
                        + ",\"events\":[]}");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Test
    void aGapInSeqTriggersAResyncAndSilenceMakesTheConnectionStale() throws Exception {
        ScriptedGateway server = new ScriptedGateway(0);
        server.start();
        assertThat(server.started.await(5, TimeUnit.SECONDS)).isTrue();
        RecordingListener l = new RecordingListener();
        try (TelemetryClient c = TelemetryClient.builder(URI.create("ws://127.0.0.1:" + server.getPort() + "/telemetry"), "t")
                .listener(l).staleAfter(Duration.ofMillis(400)).build()) {
            c.start();
            Eventually.await("resynced to version 5", Duration.ofSeconds(5), () -> c.model() != null && c.model().version() == 5);
            assertThat(server.received).anyMatch(m -> m.contains("\"type\":\"resync\""));
            assertThat(l.sawState(ConnectionState.LIVE_IDLE)).isTrue();
            Eventually.await("stale after 400 ms of silence", Duration.ofSeconds(5), () -> c.status().state() == ConnectionState.STALE);
            assertThat(c.status().reason()).contains("no message for more than 400 ms");
        } finally {
            server.stop(500);
        }
    }

    @Test
    void aRefusedResyncIsAskedForAgain() throws Exception {
        ScriptedGateway server = new ScriptedGateway(1);
        server.start();
        assertThat(server.started.await(5, TimeUnit.SECONDS)).isTrue();
        try (TelemetryClient c = TelemetryClient.builder(URI.create("ws://127.0.0.1:" + server.getPort() + "/telemetry"), "t")
                .listener(new RecordingListener()).build()) {
            c.start();
            Eventually.await("resynced to version 5 after a refusal", Duration.ofSeconds(5), () -> c.model() != null && c.model().version() == 5);
            assertThat(server.received).filteredOn(m -> m.contains("\"type\":\"resync\"")).hasSize(2);
        } finally {
            server.stop(500);
        }
    }
}

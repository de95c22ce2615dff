package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.gateway.hardening.RawClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over real sockets, a backend's plain response head reaches the client as its own lines without the hop's headers;
 * a backend's {@code Connection: close} read from such a head keeps the gateway off that connection; and a response
 * the backend sends beyond the one asked for never reaches another request.
 */
class ResponseHeadForwardingTest {

    private static final String REQUEST = "GET /x HTTP/1.1\r\nHost: gw\r\n\r\n";

    /** Answers the n-th request (from 0) on the c-th connection (from 0); null leaves the connection open, unread. */
    private interface Script {
        String answer(int connection, int request);
    }

    private final ServerSocket backend;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private Gateway gateway;

    ResponseHeadForwardingTest() throws IOException {
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (gateway != null) {
            gateway.close(Duration.ofSeconds(1));
        }
        backend.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void theClientGetsTheBackendsLinesWithoutTheHopsAndTheClosedConnectionIsNotReused() throws IOException {
        start((connection, request) -> request > 0 ? null
                : "HTTP/1.1 200 Fine\r\nConnection: keep-alive, close\r\nKeep-Alive: timeout=5\r\nProxy-Authenticate: Basic\r\n"
                        + "Via: 1.0 edge\r\nX-Switchboard-Trace-Result: forged\r\nX-Kept: yes\r\nContent-Length: 2\r\n\r\nok");
        try (RawClient client = new RawClient(gateway.port())) {
            for (int i = 0; i < 2; i++) {
                RawClient.Response response = client.send(REQUEST).read();
                assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 Fine");
                assertThat(response.body()).isEqualTo("ok");
                assertThat(response.header("X-Kept")).isEqualTo("yes");
                assertThat(response.header("Via")).isEqualTo("1.0 edge, 1.1 switchboard");
                assertThat(response.header("Keep-Alive")).isEqualTo("timeout=" + GatewayChannelInitializer.CLIENT_IDLE_TIMEOUT.toSeconds());
                assertThat(response.header("Proxy-Authenticate")).isNull();
                assertThat(response.header("X-Switchboard-Trace-Result")).isNull();
                assertThat(response.header("Connection")).isNull();
            }
        }
        assertThat(accepted).as("connections the backend accepted: one per request, as it said close").hasValue(2);
    }

    @Test
    void aResponseTheBackendSentUnaskedNeverAnswersTheNextRequest() throws IOException {
        start((connection, request) -> connection == 0 && request == 0
                ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirstHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret"
                : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nlater");
        try (RawClient a = new RawClient(gateway.port()); RawClient b = new RawClient(gateway.port())) {
            assertThat(a.send(REQUEST).read().body()).isEqualTo("first");
            for (int i = 0; i < 3; i++) {
                assertThat(b.send(REQUEST).read().body()).isEqualTo("later");
            }
        }
        assertThat(accepted).as("the connection that answered twice was dropped").hasValue(2);
    }

    /** One event loop, so every request shares one pool of backend connections. */
    private void start(Script script) {
        Thread.ofVirtual().start(() -> accept(script));
        gateway = Gateway.start(ConfigLoader.parse("""
                { "gateway": { "eventLoops": 1 }, "backends": { "b": { "url": "http://127.0.0.1:%d" } },
                  "apis": [ { "name": "a", "path": "/", "backendId": "b", "timeouts": { "perTry": "PT3S" } } ] }
                """.formatted(backend.getLocalPort())).orThrow(), new InetSocketAddress("127.0.0.1", 0));
    }

    private void accept(Script script) {
        while (!backend.isClosed()) {
            try {
                Socket socket = backend.accept();
                held.add(socket);
                int connection = accepted.getAndIncrement();
                Thread.ofVirtual().start(() -> serve(socket, connection, script));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Each answer goes out in one write, so a second response in it arrives in the same read as the first. */
    private static void serve(Socket socket, int connection, Script script) {
        try {
            for (int request = 0; ScriptedBackend.readHead(socket.getInputStream()); request++) {
                String answer = script.answer(connection, request);
                if (answer == null) {
                    return;
                }
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
        } catch (IOException e) {
            // The gateway closed the connection.
        }
    }
}

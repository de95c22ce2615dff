package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.gateway.hardening.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Over real sockets, a backend's plain response head reaches the client as its own lines without the hop's headers,
 * and a backend's {@code Connection: close} read from such a head keeps the gateway off that connection.
 */
class ResponseHeadForwardingTest {

    /** Answers one request per connection with this head, then leaves the connection open and reads nothing more. */
    private static final String RESPONSE = "HTTP/1.1 200 Fine\r\nConnection: keep-alive, close\r\nKeep-Alive: timeout=5\r\n"
            + "Proxy-Authenticate: Basic\r\nVia: 1.0 edge\r\nX-Switchboard-Trace-Result: forged\r\nX-Kept: yes\r\n"
            + "Content-Length: 2\r\n\r\nok";

    private final ServerSocket backend;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Gateway gateway;

    ResponseHeadForwardingTest() throws IOException {
        backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
        gateway = Gateway.start(ConfigLoader.parse("""
                { "backends": { "b": { "url": "http://127.0.0.1:%d" } },
                  "apis": [ { "name": "a", "path": "/", "backendId": "b", "timeouts": { "perTry": "PT3S" } } ] }
                """.formatted(backend.getLocalPort())).orThrow(), new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void close() throws IOException {
        gateway.close(Duration.ofSeconds(1));
        backend.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void theClientGetsTheBackendsLinesWithoutTheHopsAndTheClosedConnectionIsNotReused() throws IOException {
        try (RawClient client = new RawClient(gateway.port())) {
            for (int i = 0; i < 2; i++) {
                RawClient.Response response = client.send("GET /x HTTP/1.1\r\nHost: gw\r\n\r\n").read();
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

    private void serve() {
        while (!backend.isClosed()) {
            try {
                Socket socket = backend.accept();
                accepted.incrementAndGet();
                held.add(socket);
                readHead(socket.getInputStream());
                socket.getOutputStream().write(RESPONSE.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads up to the blank line ending a request head (the test sends GETs without a body). */
    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the gateway closed before a whole request head");
            }
            head.write(b);
        }
    }
}

package dev.switchboard.gateway;

import static dev.switchboard.gateway.ScriptedBackend.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.gateway.hardening.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Responses whose framing a backend gets wrong or that RFC 9112 section 6.3 frames by status: the end of one response
 * is never guessed, so no byte of it is read as another client's response on a pooled connection.
 */
class BackendResponseFramingTest {

    private static final String BROKEN_CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n";
    private static final String LATER = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nlater";

    private ScriptedBackend backend;
    private Gateway gateway;

    @AfterEach
    void close() throws IOException {
        if (gateway != null) {
            gateway.close(Duration.ofSeconds(1));
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aChunkedBodyBrokenMidwayClosesTheClientWithoutAnEndAndClosesTheBackendConnection() throws Exception {
        start((connection, request, socket) -> write(socket, connection == 0 ? BROKEN_CHUNKED : LATER), "");
        String wire = untilClosed("GET /a HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(wire).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\n\r\n5\r\nhello\r\n")
                .as("no last chunk: the client must not take a cut body as complete").doesNotContain("\r\n0\r\n");
        assertThat(backend.endedByGateway(0, Duration.ofSeconds(3))).as("backend connection closed, not pooled").isTrue();
    }

    @Test
    void theRestOfABrokenResponseNeverAnswersAnotherClient() throws Exception {
        start((connection, request, socket) -> {
            if (connection == 0 && request == 0) {
                write(socket, BROKEN_CHUNKED);
                Thread.sleep(500);
                // Still the backend's first response (a miscounted chunk, say), with bytes its client may control.
                write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged");
            } else {
                write(socket, LATER);
            }
        }, "");
        untilClosed("GET /a HTTP/1.1\r\nHost: gw\r\n\r\n");
        try (RawClient other = new RawClient(gateway.port())) {
            assertThat(other.send("GET /b HTTP/1.1\r\nHost: gw\r\n\r\n").read().body()).isEqualTo("later");
        }
        assertThat(backend.connections()).isEqualTo(2);
    }

    @Test
    void aChunkedBodyBrokenMidwayIsTheBackendsInvalidResponseForItsBreaker() throws Exception {
        start((connection, request, socket) -> write(socket, connection == 0 ? BROKEN_CHUNKED : LATER), """
                , "circuitBreaker": { "rules": [ { "name": "invalid", "tripDuration": "PT1M",
                    "failureCondition": { "count": 1, "interval": "PT1M", "errorReasons": [ "InvalidResponse" ] } } ] }\
                """);
        untilClosed("GET /a HTTP/1.1\r\nHost: gw\r\n\r\n");
        try (RawClient next = new RawClient(gateway.port())) {
            assertThat(next.send("GET /b HTTP/1.1\r\nHost: gw\r\n\r\n").read().status()).as("the breaker is open").isEqualTo(503);
        }
    }

    @Test
    void a304WithContentLengthEndsAtItsHeadAndItsConnectionServesTheNextClient() throws Exception {
        // RFC 9110 8.6 lets a 304 carry the Content-Length of the body it stands for; no body follows it.
        start((connection, request, socket) -> write(socket,
                "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 1234\r\n\r\n"), """
                , "circuitBreaker": { "rules": [ { "name": "timeouts", "tripDuration": "PT1M",
                    "failureCondition": { "count": 1, "interval": "PT1M", "errorReasons": [ "Timeout" ] } } ] }\
                """);
        String conditional = "GET /doc HTTP/1.1\r\nHost: gw\r\nIf-None-Match: \"v1\"\r\n\r\n";
        List<Integer> statuses = new ArrayList<>();
        try (RawClient client = new RawClient(gateway.port())) {
            statuses.add(client.send(conditional).readHeadResponse().status());
            statuses.add(client.send(conditional).readHeadResponse().status());
        }
        try (RawClient other = new RawClient(gateway.port())) {
            statuses.add(other.send(conditional).readHeadResponse().status());
        }
        assertThat(statuses).containsExactly(304, 304, 304);
        assertThat(backend.connections()).as("one pooled backend connection answered all three").isEqualTo(1);
    }

    /** One event loop, so every exchange shares one backend pool. */
    private void start(ScriptedBackend.Script script, String backendOptions) throws IOException {
        backend = new ScriptedBackend(script);
        gateway = Gateway.start(ConfigLoader.parse("""
                { "gateway": { "eventLoops": 1 },
                  "backends": { "b": { "url": "http://127.0.0.1:%d" %s } },
                  "apis": [ { "name": "a", "path": "/", "backendId": "b", "timeouts": { "perTry": "PT2S" } } ] }
                """.formatted(backend.port(), backendOptions)).orThrow(), new InetSocketAddress("127.0.0.1", 0));
    }

    /** The gateway's bytes until it closes the connection; failing if it keeps the connection open. */
    private String untilClosed(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try {
                for (int b; (b = in.read()) >= 0; ) {
                    wire.write(b);
                }
            } catch (SocketTimeoutException open) {
                fail("the gateway kept the client connection open after " + wire.toString(StandardCharsets.ISO_8859_1));
            } catch (IOException reset) {
                // A reset ends the connection as well as a FIN.
            }
            return wire.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Backend failures, unavailable pools and bad requests: retries where allowed, problem+json otherwise. */
class FailureHandlingTest {

    private static final String TWO_BACKENDS = """
            { "diagnostics": true,
              "backends": {
                "a": { "url": "http://${a}" %s }, "b": { "url": "http://${b}" },
                "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "priority": 1 }, { "id": "b", "priority": 2 } ] } } },
              "apis": [ { "name": "api", "path": "/", "backendId": "pool",
                "timeouts": { "connect": "PT1S", "perTry": "PT0.5S", "total": "PT5S" },
                "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ],
                  "errorReasons": [ "BackendConnectionFailure", "Timeout", "ConnectionReset" ],
                  "count": 2, "interval": "PT0.1S", "firstFastRetry": true } } ] }
            """;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void connectionRefusedMovesToTheNextBackend() {
        h.sims("a", "b");
        h.sim("a").setBehavior(h.sim("a").behavior().withRefuseConnections(true));
        h.start(TWO_BACKENDS.formatted(""));
        HttpResponse<String> r = h.post("/x", "payload");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Switchboard-Backend")).contains("b");
        assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("2");
    }

    @Test
    void hangingBackendTimesOutPerTryAndTheRetryGoesElsewhere() {
        h.sims("a", "b");
        h.sim("a").setBehavior(h.sim("a").behavior().withHang(true));
        h.start(TWO_BACKENDS.formatted(""));
        long start = System.nanoTime();
        HttpResponse<String> r = h.get("/slow");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Switchboard-Backend")).contains("b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void hangingSingleBackendGives504WithinThePerTryTimeout() {
        h.sims("a");
        h.sim("a").setBehavior(h.sim("a").behavior().withHang(true));
        h.start("""
                { "backends": { "a": { "url": "http://${a}" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a", "timeouts": { "perTry": "PT0.3S", "total": "PT5S" } } ] }
                """);
        long start = System.nanoTime();
        HttpResponse<String> r = h.get("/slow");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("\"status\":504").contains("per-try timeout").contains("\"backend\":\"a\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void connectFailureWithoutRetryGives502() {
        h.sims("a");
        h.sim("a").setBehavior(h.sim("a").behavior().withRefuseConnections(true));
        h.start("""
                { "backends": { "a": { "url": "http://${a}" } }, "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """);
        HttpResponse<String> r = h.get("/");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("Could not connect to backend 'a'").contains("\"api\":\"api\"");
    }

    @Test
    void allBackendsDownGives503WithTheBackendsRetryAfter() {
        h.sims("a", "b");
        h.sim("a").setBehavior(h.sim("a").behavior().withStatus(503).withRetryAfterSeconds(OptionalInt.of(3)));
        h.sim("b").setBehavior(h.sim("b").behavior().withStatus(503).withRetryAfterSeconds(OptionalInt.of(3)));
        String breaker = """
                , "circuitBreaker": { "rules": [ { "name": "r",
                    "failureCondition": { "count": 1, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                    "tripDuration": "PT60S", "acceptRetryAfter": true } ] }""";
        h.start("""
                { "backends": { "a": { "url": "http://${a}" %1$s }, "b": { "url": "http://${b}" %1$s },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "pool" } ] }
                """.formatted(breaker));
        assertThat(h.get("/").statusCode()).isEqualTo(503);
        assertThat(h.get("/").statusCode()).isEqualTo(503);
        long servedBefore = h.sim("a").counters().requests() + h.sim("b").counters().requests();
        HttpResponse<String> r = h.get("/");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("No backend available").contains("\"backend\":\"pool\"");
        // Retry-After of the backends (3 s), not the 60 s trip duration.
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3L);
        assertThat(h.sim("a").counters().requests() + h.sim("b").counters().requests()).isEqualTo(servedBefore);
    }

    @Test
    void noMatchingApiGives404() {
        h.sims("a").start("""
                { "backends": { "a": { "url": "http://${a}" } }, "apis": [ { "name": "api", "path": "/orders", "backendId": "a" } ] }
                """);
        HttpResponse<String> r = h.get("/catalog");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"type\":\"https://switchboard.dev/problems/no-api-matched\"").contains("\"instance\":\"/catalog\"");
        assertThat(h.get("/orders/1").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestGives400() throws IOException {
        h.sims("a").start("""
                { "backends": { "a": { "url": "http://${a}" } }, "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """);
        String response = raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    @Test
    void malformedChunkedBodyGives400AndClosesTheConnection() throws IOException {
        h.sims("a").start("""
                { "backends": { "a": { "url": "http://${a}" } }, "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """);
        String response = raw("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("bad body framing");
        assertThat(h.gateway.inFlightRequests()).isZero();
    }

    @Test
    void oversizeHeaderGives431() throws IOException {
        h.sims("a").start("""
                { "gateway": { "maxHeaderSize": 1024 },
                  "backends": { "a": { "url": "http://${a}" } }, "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """);
        String response = raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "v".repeat(4096) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431").contains("maxHeaderSize");
        assertThat(h.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void totalDeadlineEndsTheRequestInTheMiddleOfItsRetries() {
        h.sims("a");
        h.sim("a").setBehavior(h.sim("a").behavior().withHang(true));
        h.start("""
                { "backends": { "a": { "url": "http://${a}" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a", "timeouts": { "perTry": "PT0.3S", "total": "PT0.4S" },
                    "retry": { "errorReasons": [ "Timeout" ], "count": 5, "interval": "PT0S" } } ] }
                """);
        long start = System.nanoTime();
        HttpResponse<String> r = h.get("/");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("total timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(350), Duration.ofSeconds(2));
    }

    @Test
    void retriesBackOffOnTheEventLoopAndTheLastResponseIsForwarded() {
        h.sims("a");
        h.sim("a").setBehavior(h.sim("a").behavior().withStatus(500));
        h.start("""
                { "diagnostics": true, "backends": { "a": { "url": "http://${a}" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a",
                    "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 2, "interval": "PT0.2S" } } ] }
                """);
        long start = System.nanoTime();
        HttpResponse<String> r = h.post("/", "body");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("3");
        assertThat(h.sim("a").counters().requests()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void neverRetriesOnceResponseBytesWentToTheClient() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket truncating = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!truncating.isClosed()) {
                    try (Socket s = truncating.accept()) {
                        accepted.incrementAndGet();
                        s.getInputStream().read(new byte[8192]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial".getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            h.sims("b").start("""
                    { "backends": { "a": { "url": "http://127.0.0.1:%d" }, "b": { "url": "http://${b}" },
                        "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "priority": 1 }, { "id": "b", "priority": 2 } ] } } },
                      "apis": [ { "name": "api", "path": "/", "backendId": "pool",
                        "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "errorReasons": [ "ConnectionReset" ],
                                   "count": 3, "interval": "PT0S" } } ] }
                    """.formatted(truncating.getLocalPort()));
            String response = raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("partial");
            assertThat(accepted).hasValue(1);
            assertThat(h.sim("b").counters().requests()).isZero();
        }
    }

    @Test
    void backendStallingMidBodyClosesTheClientAfterThePerTryTimeoutAndTripsItsBreaker() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!stalling.isClosed()) {
                    try (Socket s = stalling.accept()) {
                        s.getInputStream().read(new byte[8192]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial".getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        // Holds the connection open without sending more until the gateway gives up on it.
                        s.getInputStream().read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            h.start("""
                    { "backends": { "a": { "url": "http://127.0.0.1:%d",
                        "circuitBreaker": { "rules": [ { "name": "r", "tripDuration": "PT60S",
                          "failureCondition": { "count": 1, "interval": "PT10S", "errorReasons": [ "Timeout" ] } } ] } } },
                      "apis": [ { "name": "api", "path": "/", "backendId": "a", "timeouts": { "perTry": "PT0.3S", "total": "PT5S" } } ] }
                    """.formatted(stalling.getLocalPort()));
            long start = System.nanoTime();
            String response = raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("partial");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
            assertThat(h.get("/").statusCode()).as("the stall tripped the breaker").isEqualTo(503);
        }
    }

    @Test
    void clientThatStopsSendingItsBodyAfterTheResponseIsClosedAfterThePerTryTimeout() throws Exception {
        try (ServerSocket answersEarly = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!answersEarly.isClosed()) {
                    try (Socket s = answersEarly.accept()) {
                        s.getInputStream().read(new byte[8192]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        s.getInputStream().read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            h.start("""
                    { "backends": { "a": { "url": "http://127.0.0.1:%d" } },
                      "apis": [ { "name": "api", "path": "/", "backendId": "a", "timeouts": { "perTry": "PT0.3S", "total": "PT5S" } } ] }
                    """.formatted(answersEarly.getLocalPort()));
            long start = System.nanoTime();
            String response = raw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part of it");
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("ok");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", h.gateway.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

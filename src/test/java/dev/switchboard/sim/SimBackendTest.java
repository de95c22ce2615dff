package dev.switchboard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimBackendTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private SimBackend backend;

    @BeforeEach
    void start() {
        backend = new SimBackend("orders-east-1");
        backend.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        backend.close();
        client.close();
    }

    @Test
    void answersWithDefaultsAndEchoesRequestInfo() throws Exception {
        HttpResponse<String> response = send(request("/orders/42?x=1")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("Via", "1.1 switchboard")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("orders-east-1\n");
        var headers = response.headers();
        assertThat(headers.firstValue("X-Sim-Backend")).hasValue("orders-east-1");
        assertThat(headers.firstValue("X-Sim-Path")).hasValue("/orders/42?x=1");
        assertThat(headers.firstValue("X-Sim-Host")).hasValue("127.0.0.1:" + backend.port());
        assertThat(headers.firstValue("X-Sim-Request-Body-Bytes")).hasValue("0");
        assertThat(headers.firstValue("X-Sim-Seen-X-Forwarded-For")).hasValue("10.0.0.1");
        assertThat(headers.firstValue("X-Sim-Seen-X-Forwarded-Proto")).hasValue("https");
        assertThat(headers.firstValue("X-Sim-Seen-Via")).hasValue("1.1 switchboard");
        assertThat(headers.firstValue("X-Sim-Seen-X-Forwarded-Host")).isEmpty();
        assertThat(backend.counters().requests()).isEqualTo(1);
        assertThat(backend.counters().responses(200)).isEqualTo(1);
    }

    @Test
    void statusChangesAtRuntimeAndAppliesToHealth() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);

        backend.updateBehavior(b -> b.withStatus(500));

        assertThat(get("/health").statusCode()).isEqualTo(500);
        assertThat(get("/anything").statusCode()).isEqualTo(500);
        assertThat(backend.counters().responsesByStatus()).containsEntry(200, 1L).containsEntry(500, 2L);
    }

    @Test
    void delaysResponsesByTheLatency() throws Exception {
        backend.updateBehavior(b -> b.withLatency(Duration.ofMillis(200)));

        long started = System.nanoTime();
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void errorRateOneFailsEveryRequestWithRetryAfter() throws Exception {
        backend.updateBehavior(b -> b.withErrorRate(1.0).withRetryAfterSeconds(OptionalInt.of(7)));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get("/");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        }
        assertThat(backend.counters().responses(503)).isEqualTo(10);
    }

    @Test
    void errorRateZeroNeverFailsAndSendsNoRetryAfter() throws Exception {
        backend.updateBehavior(b -> b.withErrorRate(0.0).withRetryAfterSeconds(OptionalInt.of(7)));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get("/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void refusingConnectionsUnbindsThePortAndRebindsIt() throws Exception {
        int port = backend.port();
        assertThat(get("/").statusCode()).isEqualTo(200);

        backend.updateBehavior(b -> b.withRefuseConnections(true));

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> get("/")).isInstanceOf(IOException.class);

        backend.updateBehavior(b -> b.withRefuseConnections(false));

        assertThat(backend.port()).isEqualTo(port);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void hangingBackendReadsTheRequestButNeverAnswers() throws Exception {
        backend.updateBehavior(b -> b.withHang(true));

        assertThatThrownBy(() -> client.send(request("/").timeout(Duration.ofMillis(300)).GET().build(),
                BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(backend.counters().requests()).isEqualTo(1);
        assertThat(backend.counters().responsesByStatus()).isEmpty();

        backend.updateBehavior(b -> b.withHang(false));
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void closeAfterResponseClosesTheConnection() throws Exception {
        backend.updateBehavior(b -> b.withCloseAfterResponse(true));

        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: sim\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // readAllBytes returns only at end of stream, i.e. once the server closed the connection.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void countsAHundredMegabyteUploadWithoutKeepingIt() throws Exception {
        HttpResponse<String> response = send(request("/upload")
                .POST(BodyPublishers.ofInputStream(() -> new GeneratedStream(HUNDRED_MB))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Sim-Request-Body-Bytes")).hasValue(String.valueOf(HUNDRED_MB));
    }

    @Test
    void streamsAHundredMegabyteDownload() throws Exception {
        HttpResponse<InputStream> response = client.send(
                request("/download?size=" + HUNDRED_MB).GET().build(), BodyHandlers.ofInputStream());

        long received = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                received += n;
            }
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(HUNDRED_MB);
        assertThat(received).isEqualTo(HUNDRED_MB);
    }

    @Test
    void rejectsAnInvalidSize() throws Exception {
        assertThat(get("/?size=lots").statusCode()).isEqualTo(400);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void controlEndpointReadsPatchesAndResets() throws Exception {
        get("/");
        JsonNode state = json(get("/_sim/behavior"));
        assertThat(state.path("name").asText()).isEqualTo("orders-east-1");
        assertThat(state.path("behavior").path("status").asInt()).isEqualTo(200);
        assertThat(state.path("behavior").path("retryAfterSeconds").isNull()).isTrue();
        assertThat(state.path("counters").path("requests").asLong()).isEqualTo(1);
        assertThat(state.path("counters").path("responsesByStatus").path("200").asLong()).isEqualTo(1);

        HttpResponse<String> patched = put("/_sim/behavior", """
                {"status": 502, "retryAfterSeconds": 3, "latencyMs": 10}""");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).path("behavior").path("status").asInt()).isEqualTo(502);
        assertThat(json(patched).path("behavior").path("errorStatus").asInt()).isEqualTo(503);
        assertThat(backend.behavior().latency()).isEqualTo(Duration.ofMillis(10));
        HttpResponse<String> failing = get("/");
        assertThat(failing.statusCode()).isEqualTo(502);
        assertThat(failing.headers().firstValue("Retry-After")).hasValue("3");

        HttpResponse<String> reset = send(request("/_sim/reset").POST(BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(backend.behavior()).isEqualTo(SimBehavior.defaults());
        assertThat(json(reset).path("counters").path("requests").asLong()).isZero();
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void controlEndpointRejectsBadPatchesNamingTheField() throws Exception {
        assertBadPatch("{\"status\": \"teapot\"}", "status");
        assertBadPatch("{\"status\": 99}", "status");
        assertBadPatch("{\"errorRate\": 1.5}", "errorRate");
        assertBadPatch("{\"hang\": 1}", "hang");
        assertBadPatch("{\"latencyMs\": \"PT1S\"}", "latencyMs");
        assertBadPatch("{\"colour\": \"red\"}", "colour");

        HttpResponse<String> malformed = put("/_sim/behavior", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").asText()).startsWith("malformed JSON");

        assertThat(backend.behavior()).isEqualTo(SimBehavior.defaults());
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void refusingThroughTheMainPortAnswersFirst() throws Exception {
        HttpResponse<String> response = put("/_sim/behavior", "{\"refuseConnections\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new Socket("127.0.0.1", backend.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void separateControlPortStaysReachableWhileRefusing() throws Exception {
        try (SimBackend withControl = new SimBackend("orders-west-1")) {
            withControl.start(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
            URI control = URI.create("http://127.0.0.1:" + withControl.controlAddress().orElseThrow().getPort());
            URI main = URI.create("http://127.0.0.1:" + withControl.port());

            assertThat(send(HttpRequest.newBuilder(control.resolve("/_sim/behavior"))
                    .PUT(BodyPublishers.ofString("{\"refuseConnections\": true}"))).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> send(HttpRequest.newBuilder(main.resolve("/")).GET()))
                    .isInstanceOf(IOException.class);
            assertThat(send(HttpRequest.newBuilder(control.resolve("/")).GET()).statusCode()).isEqualTo(404);

            assertThat(send(HttpRequest.newBuilder(control.resolve("/_sim/behavior"))
                    .PUT(BodyPublishers.ofString("{\"refuseConnections\": false}"))).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(main.resolve("/")).GET()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reportsAPortInUseAsUncheckedIOException() {
        try (SimBackend second = new SimBackend("orders-east-2")) {
            assertThatThrownBy(() -> second.start(backend.address())).isInstanceOf(UncheckedIOException.class);
        }
    }

    private void assertBadPatch(String body, String field) throws Exception {
        HttpResponse<String> response = put("/_sim/behavior", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.path("field").asText()).as(body).isEqualTo(field);
        assertThat(error.path("error").asText()).as(body).contains(field);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + backend.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).GET());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(request(path).PUT(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** {@code length} bytes made up on the fly, so the upload never sits in memory. */
    private static final class GeneratedStream extends InputStream {
        private long remaining;

        GeneratedStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            remaining -= n;
            return n;
        }
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Switchboard-Trace over real sockets: an operator token gets the decision trace, anything else is ignored and stripped. */
class DecisionTraceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "ops-token-0123456789abcdef";
    private static final String VIEWER = "view-token-0123456789abcdef";

    private final GatewayHarness h = new GatewayHarness();
    /** The trace header as each backend request carried it ("none" without one). */
    private final List<String> seenUpstream = new CopyOnWriteArrayList<>();
    private HttpServer failing;
    private HttpServer healthy;

    @BeforeEach
    void start() throws IOException {
        failing = backend(503, "busy");
        healthy = backend(200, "hello");
        h.start("""
                { "admin": { "tokens": [ { "name": "ops", "token": "%s", "role": "operator" },
                                         { "name": "watcher", "token": "%s", "role": "viewer" } ] },
                  "backends": {
                    "failing": { "url": "http://127.0.0.1:%d" }, "healthy": { "url": "http://127.0.0.1:%d" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "failing", "priority": 1 }, { "id": "healthy", "priority": 2 } ] } } },
                  "apis": [ { "name": "shop", "path": "/shop", "backendId": "pool",
                    "retry": { "statusCodeRanges": [ { "min": 503, "max": 503 } ], "count": 1, "interval": "PT0S" } } ] }
                """.formatted(OPERATOR, VIEWER, failing.getAddress().getPort(), healthy.getAddress().getPort()));
    }

    private HttpServer backend(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seenUpstream.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Switchboard-Trace")).replace("null", "none"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        h.close();
        failing.stop(0);
        healthy.stop(0);
    }

    private HttpResponse<String> get(String path, String token) {
        return h.send(HttpRequest.newBuilder(h.uri(path)).timeout(Duration.ofSeconds(20)).header("X-Switchboard-Trace", token).build());
    }

    @Test
    void anOperatorTokenGetsTheWholeDecisionBack() throws IOException {
        HttpResponse<String> r = get("/shop/cart", OPERATOR);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello");
        JsonNode trace = JSON.readTree(r.headers().firstValue("X-Switchboard-Trace-Result").orElseThrow());
        assertThat(trace.get("api").asText()).isEqualTo("shop");
        assertThat(trace.has("rule")).isTrue();
        assertThat(trace.get("target").asText()).isEqualTo("pool");
        JsonNode first = trace.get("attempts").get(0);
        assertThat(first.get("backend").asText()).isEqualTo("failing");
        assertThat(first.get("why").asText()).isEqualTo("balanced, priority 1");
        assertThat(first.get("candidates")).hasSize(2);
        assertThat(first.get("candidates").get(0).get("availability").asText()).isEqualTo("available");
        assertThat(first.get("candidates").get(0).get("breaker").asText()).isEqualTo("closed");
        assertThat(first.get("outcome").asText()).isEqualTo("503");
        assertThat(first.get("retry").asText()).startsWith("retry after 0 ms");
        JsonNode second = trace.get("attempts").get(1);
        assertThat(second.get("backend").asText()).isEqualTo("healthy");
        assertThat(second.get("why").asText()).isEqualTo("retry to an untried member, priority 2");
        assertThat(second.get("outcome").asText()).isEqualTo("200");
        assertThat(seenUpstream).containsExactly("none", "none");
    }

    @Test
    void aProblemAnswerCarriesItsTraceToo() throws IOException {
        HttpResponse<String> r = get("/elsewhere", OPERATOR);

        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode trace = JSON.readTree(r.headers().firstValue("X-Switchboard-Trace-Result").orElseThrow());
        assertThat(trace.get("api").isNull()).isTrue();
        assertThat(trace.get("attempts")).isEmpty();
    }

    @Test
    void aViewerOrUnknownTokenIsIgnoredAndNeverForwarded() {
        for (String token : List.of(VIEWER, "not-a-token", OPERATOR + "x", "")) {
            HttpResponse<String> r = get("/shop/cart", token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Switchboard-Trace-Result")).isEmpty();
        }
        assertThat(seenUpstream).hasSize(8).containsOnly("none");
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.hardening.RawClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keep-alive on both sides and the header rules of a proxy hop. */
class ConnectionsAndHeadersTest {

    private static final String ONE_BACKEND = """
            { "backends": { "a": { "url": "http://${a}/base" } },
              "apis": [ { "name": "api", "path": "/shop", "backendId": "a" %s } ] }
            """;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void forwardedHeadersAreAddedAndHostIsTheBackends() {
        h.sims("a").start(ONE_BACKEND.formatted(""));
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/shop/items?q=1")).header("X-Forwarded-For", "10.0.0.9").build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sim-Path")).contains("/base/items?q=1");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Forwarded-For")).contains("10.0.0.9, 127.0.0.1");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Forwarded-Proto")).contains("http");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Forwarded-Host")).contains("127.0.0.1:" + h.gateway.port());
        assertThat(r.headers().firstValue("X-Sim-Seen-Via")).contains("1.1 switchboard");
        assertThat(r.headers().firstValue("X-Sim-Host")).contains("127.0.0.1:" + h.sim("a").port());
        assertThat(r.headers().allValues("Via")).anyMatch(v -> v.contains("1.1 switchboard"));
    }

    @Test
    void backendHostNamesAreResolved() {
        h.sims("a").start("""
                { "backends": { "a": { "url": "http://localhost:%d/base" } },
                  "apis": [ { "name": "api", "path": "/shop", "backendId": "a" } ] }
                """.formatted(h.sim("a").port()));
        HttpResponse<String> r = h.get("/shop/items");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sim-Path")).contains("/base/items");
        assertThat(r.headers().firstValue("X-Sim-Host")).contains("localhost:" + h.sim("a").port());
    }

    @Test
    void preserveHostForwardsTheClientsHost() {
        h.sims("a").start(ONE_BACKEND.formatted(", \"preserveHost\": true"));
        HttpResponse<String> r = h.get("/shop");
        assertThat(r.headers().firstValue("X-Sim-Host")).contains("127.0.0.1:" + h.gateway.port());
    }

    @Test
    void clientConnectionIsKeptAliveAcrossRequests() throws IOException {
        h.sims("a").start(ONE_BACKEND.formatted(""));
        try (RawClient client = new RawClient(h.gateway.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.send("GET /shop HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void pooledConnectionsClosedByTheBackendAreReplacedTransparently() {
        h.sims("a").start(ONE_BACKEND.formatted(""));
        for (int i = 0; i < 5; i++) {
            assertThat(h.post("/shop", "warm-" + i).statusCode()).isEqualTo(200);
        }
        // The backend drops every connection (as on its idle timeout), then accepts new ones again.
        h.sim("a").setBehavior(h.sim("a").behavior().withRefuseConnections(true));
        h.sim("a").setBehavior(h.sim("a").behavior().withRefuseConnections(false));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = h.post("/shop", "after-" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Sim-Request-Body-Bytes")).contains(String.valueOf(("after-" + i).length()));
        }
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayAndNotForwarded() throws IOException {
        h.sims("a").start(ONE_BACKEND.formatted(""));
        try (RawClient client = new RawClient(h.gateway.port())) {
            client.send("POST /shop HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nX-Sim-Echo: Expect\r\n"
                    + "Content-Length: 5\r\n\r\n");
            assertContinue(client.readHeadResponse());
            RawClient.Response response = client.send("hello").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Sim-Request-Body-Bytes")).isEqualTo("5");
            assertThat(response.header("X-Sim-Seen-Expect")).isNull();
        }
    }

    @Test
    void aPipelinedRequestsContinueComesAfterTheResponseAheadOfIt() throws IOException {
        h.sims("a").start(ONE_BACKEND.formatted(""));
        h.sim("a").setBehavior(h.sim("a").behavior().withLatency(Duration.ofMillis(200)));
        try (RawClient client = new RawClient(h.gateway.port())) {
            RawClient.Response first = client.send("GET /shop/first HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /shop/second HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n").read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("X-Sim-Path")).isEqualTo("/base/first");
            assertContinue(client.readHeadResponse());
            RawClient.Response second = client.send("hello").read();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("X-Sim-Path")).isEqualTo("/base/second");
        }
    }

    private static void assertContinue(RawClient.Response response) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(response.headers()).isEmpty();
    }
}

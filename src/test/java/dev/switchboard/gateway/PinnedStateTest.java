package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request keeps the engine state it was routed with, across a reload between its attempts. */
class PinnedStateTest {

    private final GatewayHarness h = new GatewayHarness();
    private HttpServer old;

    @AfterEach
    void close() {
        if (old != null) {
            old.stop(0);
        }
        h.close();
    }

    @Test
    void aRetryAfterAReloadThatRemovedItsBackendStillGoesToIt() throws IOException {
        h.sims("replacement");
        AtomicInteger requests = new AtomicInteger();
        old = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        old.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            if (n == 1) {
                // The reload lands while the first attempt is on this backend: the api now points elsewhere.
                h.gateway.applyConfig(h.config("""
                        { "diagnostics": true, "backends": { "replacement": { "url": "http://${replacement}" } },
                          "apis": [ { "name": "api", "path": "/", "backendId": "replacement" } ] }
                        """));
            }
            byte[] body = ("old-" + n).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n == 1 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        old.start();
        h.start("""
                { "diagnostics": true,
                  "backends": { "old": { "url": "http://127.0.0.1:%d" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "old",
                    "retry": { "statusCodeRanges": [ { "min": 503, "max": 503 } ], "count": 1, "interval": "PT0S" } } ] }
                """.formatted(old.getAddress().getPort()));

        HttpResponse<String> r = h.get("/pinned");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("old-2");
        assertThat(r.headers().firstValue("X-Switchboard-Backend")).contains("old");
        assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("2");
        // The next request is routed with the new state.
        assertThat(h.get("/after").headers().firstValue("X-Switchboard-Backend")).contains("replacement");
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.hardening.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body an api buffers for retries, from a client that stops sending it: bounded by the per-try timeout, as a
 * streamed body is, not by the total one (which let a stalled client hold a connection and its buffer for minutes).
 */
class BufferedBodyTimeoutTest {

    private static final String CONFIG = """
            { "backends": { "a": { "url": "http://${a}" } },
              "apis": [ { "name": "r", "path": "/r", "backendId": "a", "timeouts": { "perTry": "PT1S", "total": "PT60S" },
                          "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 1, "interval": "PT0S" } } ] }
            """;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408WithinThePerTryTimeoutAndTheConnectionCloses() throws Exception {
        h.sims("a");
        h.start(CONFIG.replace("${a}", "127.0.0.1:" + h.sim("a").port()));
        try (RawClient client = new RawClient(h.gateway.port())) {
            // 2 of the 10 bytes announced, then nothing.
            RawClient.Response response = client.send("POST /r/orders HTTP/1.1\r\nHost: a.test\r\nContent-Length: 10\r\n\r\nab").read();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(h.sim("a").counters().requests()).as("requests that reached the backend").isZero();
        assertThat(h.gateway.inFlightRequests()).isZero();
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBackend;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The documented APIM setup end to end: priority pool, breaker on the primary, retry with first-fast-retry. */
class ApimSeedScenarioTest {

    private static final String CONFIG = """
            {
              "diagnostics": true,
              "backends": {
                "p1": {
                  "url": "http://${p1}/api",
                  "circuitBreaker": { "rules": [ {
                    "name": "seed",
                    "failureCondition": {
                      "count": 3, "interval": "PT15S",
                      "statusCodeRanges": [ { "min": 502, "max": 504 } ],
                      "errorReasons": [ "BackendConnectionFailure" ]
                    },
                    "tripDuration": "PT30S",
                    "acceptRetryAfter": true
                  } ] }
                },
                "p2": { "url": "http://${p2}/api" },
                "pool": { "type": "Pool", "pool": { "services": [
                  { "id": "/backends/p1", "priority": 1 },
                  { "id": "/backends/p2", "priority": 2 } ] } }
              },
              "apis": [ {
                "name": "seed", "path": "/", "backendId": "pool",
                "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 3, "interval": "PT1S", "firstFastRetry": true }
              } ]
            }
            """;

    private final GatewayHarness h = new GatewayHarness().sims("p1", "p2");

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void everyRequestSucceedsAndTheBreakerSendsTrafficStraightToTheSecondary() {
        h.sim("p1").setBehavior(h.sim("p1").behavior().withStatus(503));
        h.start(CONFIG);

        HttpResponse<String> first = h.post("/orders?id=1", "order-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Switchboard-Backend")).contains("p2");
        assertThat(Integer.parseInt(first.headers().firstValue("X-Switchboard-Attempts").orElseThrow())).isLessThanOrEqualTo(2);
        assertThat(first.headers().firstValue("X-Sim-Path")).contains("/api/orders?id=1");
        assertThat(first.headers().firstValue("X-Sim-Request-Body-Bytes")).contains("7");

        // 503 is a breaker failure (502-504): after three of them the primary trips and gets nothing more.
        SimBackend p1 = h.sim("p1");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = h.post("/orders", "order");
            assertThat(r.statusCode()).isEqualTo(200);
        }
        long primaryRequests = p1.counters().requests();
        assertThat(primaryRequests).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = h.post("/orders", "order-" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("1");
            assertThat(r.headers().firstValue("X-Switchboard-Backend")).contains("p2");
            assertThat(r.headers().firstValue("X-Sim-Request-Body-Bytes")).contains(String.valueOf(("order-" + i).length()));
        }
        assertThat(p1.counters().requests()).isEqualTo(primaryRequests);
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pool balancing as seen through the proxy: which backend served each request. */
class BalancingTest {

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private Map<String, Integer> servedBy(int requests, String path) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = h.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            counts.merge(r.headers().firstValue("X-Sim-Backend").orElseThrow(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void weighted70To30IsExactOverFullCycles() {
        h.sims("a", "b").start("""
                { "backends": {
                    "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "weight": 70 }, { "id": "b", "weight": 30 } ] } } },
                  "apis": [ { "name": "w", "path": "/", "backendId": "pool" } ] }
                """);
        assertThat(servedBy(100, "/x")).isEqualTo(Map.of("a", 70, "b", 30));
    }

    @Test
    void roundRobinAlternates() {
        h.sims("a", "b", "c").start("""
                { "backends": {
                    "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" }, "c": { "url": "http://${c}" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" }, { "id": "c" } ] } } },
                  "apis": [ { "name": "rr", "path": "/", "backendId": "pool" } ] }
                """);
        assertThat(servedBy(30, "/")).isEqualTo(Map.of("a", 10, "b", 10, "c", 10));
    }

    @Test
    void priorityFailoverUsesTheLowerGroupOnlyWhileTheFirstIsTripped() {
        h.sims("main", "backup").start("""
                { "diagnostics": true,
                  "backends": {
                    "main": { "url": "http://${main}", "circuitBreaker": { "rules": [ { "name": "r",
                        "failureCondition": { "count": 1, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                        "tripDuration": "PT1S" } ] } },
                    "backup": { "url": "http://${backup}" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "main", "priority": 1 }, { "id": "backup", "priority": 2 } ] } } },
                  "apis": [ { "name": "p", "path": "/", "backendId": "pool" } ] }
                """);
        assertThat(servedBy(3, "/")).isEqualTo(Map.of("main", 3));
        h.sim("main").setBehavior(h.sim("main").behavior().withStatus(500));
        // No retry policy: the client sees the 500 that trips the breaker (APIM: a pool does not retry by itself).
        assertThat(h.get("/").statusCode()).isEqualTo(500);
        h.sim("main").reset();
        assertThat(servedBy(3, "/")).isEqualTo(Map.of("backup", 3));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!h.get("/").headers().firstValue("X-Sim-Backend").orElseThrow().equals("main")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
        }
    }

    @Test
    void headerRulesRouteToAnotherPool() {
        h.sims("eu", "us").start("""
                { "backends": { "eu": { "url": "http://${eu}" }, "us": { "url": "http://${us}" } },
                  "apis": [ { "name": "geo", "path": "/", "backendId": "us",
                    "rules": [ { "name": "europe", "when": [ { "source": "header", "name": "X-Region", "equals": "eu" } ], "backendId": "eu" } ] } ] }
                """);
        HttpResponse<String> eu = h.send(HttpRequest.newBuilder(h.uri("/a")).header("X-Region", "eu").build());
        HttpResponse<String> us = h.send(HttpRequest.newBuilder(h.uri("/a")).header("X-Region", "ap").build());
        assertThat(eu.headers().firstValue("X-Sim-Backend")).contains("eu");
        assertThat(us.headers().firstValue("X-Sim-Backend")).contains("us");
    }

    @Test
    void cookieAffinityKeepsASessionOnOneBackend() {
        h.sims("a", "b", "c").start("""
                { "backends": {
                    "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" }, "c": { "url": "http://${c}" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" }, { "id": "c" } ],
                      "sessionAffinity": { "sessionId": { "source": "Cookie", "name": "SessionId" } } } } },
                  "apis": [ { "name": "s", "path": "/", "backendId": "pool" } ] }
                """);
        Set<String> all = new HashSet<>();
        for (int session = 0; session < 12; session++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/cart"))
                        .header("Cookie", "theme=dark; SessionId=user-" + session).build());
                seen.add(r.headers().firstValue("X-Sim-Backend").orElseThrow());
            }
            assertThat(seen).hasSize(1);
            all.addAll(seen);
        }
        assertThat(all).hasSizeGreaterThan(1);
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Active probes take a failing backend out of its pool and bring it back when it recovers. */
class HealthProbeTest {

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void failingProbeRemovesTheBackendAndPassingProbesRestoreIt() {
        h.sims("a", "b").start("""
                { "backends": {
                    "a": { "url": "http://${a}", "healthProbe": { "path": "/health", "interval": "PT0.1S", "timeout": "PT0.05S",
                           "healthyThreshold": 1, "unhealthyThreshold": 1 } },
                    "b": { "url": "http://${b}" },
                    "pool": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "pool" } ] }
                """);
        h.sim("a").setBehavior(h.sim("a").behavior().withStatus(500));
        awaitOnlyServedBy("b");
        assertThat(h.sim("a").counters().requests()).as("probes reach the backend").isPositive();

        h.sim("a").reset();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!servedBy().equals("a")) {
            assertThat(System.nanoTime()).as("a back in the pool").isLessThan(deadline);
        }
    }

    private String servedBy() {
        HttpResponse<String> r = h.get("/");
        return r.headers().firstValue("X-Sim-Backend").orElseThrow();
    }

    private void awaitOnlyServedBy(String backend) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int streak = 0;
        while (streak < 10) {
            assertThat(System.nanoTime()).as("only %s serves", backend).isLessThan(deadline);
            streak = servedBy().equals(backend) ? streak + 1 : 0;
        }
    }
}

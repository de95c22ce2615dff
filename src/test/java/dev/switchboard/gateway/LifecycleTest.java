package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graceful shutdown with requests in flight, and config swaps while serving. */
class LifecycleTest {

    private static final String CONFIG = """
            { "diagnostics": true, "backends": { "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" } },
              "apis": [ { "name": "api", "path": "/", "backendId": "%s" } ] }
            """;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void closeLetsInFlightRequestsFinishAndThenRefusesConnections() throws Exception {
        h.sims("a", "b").start(CONFIG.formatted("a"));
        h.sim("a").setBehavior(h.sim("a").behavior().withLatency(Duration.ofMillis(700)));
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> h.get("/slow")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (h.gateway.inFlightRequests() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(h.gateway.inFlightRequests()).isEqualTo(4);
        int port = h.gateway.port();
        assertThat(h.gateway.close(Duration.ofSeconds(5))).isTrue();
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        assertThat(canConnect(port)).isFalse();
    }

    @Test
    void closeGivesUpAfterTheDrainTime() {
        h.sims("a", "b").start(CONFIG.formatted("a"));
        h.sim("a").setBehavior(h.sim("a").behavior().withHang(true));
        CompletableFuture.runAsync(() -> {
            try {
                h.get("/hang");
            } catch (AssertionError expected) {
                // The gateway closes the connection when the drain time is over.
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (h.gateway.inFlightRequests() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        assertThat(h.gateway.close(Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void applyConfigSwitchesNewRequests() {
        h.sims("a", "b").start(CONFIG.formatted("a"));
        assertThat(h.get("/").headers().firstValue("X-Sim-Backend")).contains("a");
        h.gateway.applyConfig(h.config(CONFIG.formatted("b")));
        assertThat(h.get("/").headers().firstValue("X-Sim-Backend")).contains("b");
    }

    @Test
    void requestInFlightFinishesOnTheOldConfig() throws Exception {
        h.sims("a", "b").start(CONFIG.formatted("a"));
        h.sim("a").setBehavior(h.sim("a").behavior().withLatency(Duration.ofMillis(500)));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> h.get("/"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (h.gateway.inFlightRequests() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        h.gateway.applyConfig(h.config(CONFIG.formatted("b")));
        assertThat(h.get("/").headers().firstValue("X-Sim-Backend")).contains("b");
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(slow.get().headers().firstValue("X-Sim-Backend")).contains("a");
    }

    private static boolean canConnect(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

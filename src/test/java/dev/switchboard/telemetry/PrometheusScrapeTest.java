package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBehavior;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.PrometheusServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus (the Debian binary) scrapes a real gateway under load every second; PromQL over its HTTP API
 * then gives the per-backend rates the load implies and a median latency near the one the client measured.
 */
class PrometheusScrapeTest {

    /** Requests per second the load sends; the pool splits them 3:1. */
    private static final int RATE = 80;

    @Test
    void promqlSeesPerBackendRatesAndLatency() throws Exception {
        try (TelemetryHarness h = new TelemetryHarness();
             PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + h.admin.port(), TelemetryHarness.VIEWER)) {
            h.gateway.engine().setWeight("pool", "a", 3);
            h.sim("a").setBehavior(SimBehavior.defaults().withLatency(Duration.ofMillis(200)));
            Eventually.await("prometheus scrapes the gateway", Duration.ofSeconds(10),
                    () -> prometheus.scalar("up{job=\"switchboard\"}") == 1);

            List<Double> latencyA = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            try {
                load.scheduleAtFixedRate(() -> send(h, latencyA), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
                // Rates over 5 s need a 5 s window whose every scrape saw load: the oldest one already counts requests.
                String a2xx = "switchboard_backend_requests_total{backend=\"a\",class=\"2xx\"}";
                Eventually.await("5 s of scrapes under load", Duration.ofSeconds(20), () -> !prometheus.query(
                        "min_over_time(" + a2xx + "[5s]) > 0 and count_over_time(" + a2xx + "[5s]) >= 5").isEmpty());
                double rateA = prometheus.scalar("sum(rate(switchboard_backend_requests_total{backend=\"a\",class=\"2xx\"}[5s]))");
                double rateB = prometheus.scalar("sum(rate(switchboard_backend_requests_total{backend=\"b\",class=\"2xx\"}[5s]))");
                double picksA = prometheus.scalar("sum(rate(switchboard_pool_picks_total{pool=\"pool\",backend=\"a\"}[5s]))");
                double p50 = prometheus.scalar("histogram_quantile(0.5, sum by (le) (rate(switchboard_backend_latency_seconds_bucket{backend=\"a\"}[5s])))");
                double total = rateA + rateB;
                double measured = median(latencyA);
                System.out.printf("PromQL: rate a %.1f/s, b %.1f/s (sent %d/s, weights 3:1); histogram_quantile(0.5) of a %.4f s, client median %.4f s%n",
                        rateA, rateB, RATE, p50, measured);
                // Prometheus asks for OpenMetrics first, so this scrape read that format, info type included.
                assertThat(prometheus.scalar("count(switchboard_build_info{gateway=\"gw-test\"})")).isEqualTo(1);
                assertThat(total).as("requests/s through the gateway").isBetween(RATE * 0.5, RATE * 1.3);
                assertThat(rateA / total).as("backend a's share at weight 3:1").isBetween(0.65, 0.85);
                assertThat(picksA).isCloseTo(rateA, org.assertj.core.data.Offset.offset(rateA * 0.3));
                // The 200 ms answers fall in the 100-250 ms bucket, where histogram_quantile interpolates linearly; the
                // client's measure adds the gateway and its own overhead (more on a busy machine).
                assertThat(measured).as("client-measured median of a").isGreaterThanOrEqualTo(0.200);
                assertThat(p50).as("histogram_quantile(0.5) of a, measured %.4f s", measured).isBetween(0.1, 0.25);
                assertThat(Math.abs(p50 - measured)).as("p50 %.4f vs measured %.4f", p50, measured).isLessThan(measured * 0.4);
            } finally {
                load.shutdownNow();
                load.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void send(TelemetryHarness h, List<Double> latencyA) {
        long start = System.nanoTime();
        h.http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.gateway.port() + "/load")).build(),
                HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
            if (r.headers().firstValue("X-Sim-Backend").orElse("").equals("a")) {
                latencyA.add((System.nanoTime() - start) / 1e9);
            }
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        assertThat(sorted).as("responses from backend a").hasSizeGreaterThan(50);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

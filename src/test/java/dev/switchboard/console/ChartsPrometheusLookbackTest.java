package dev.switchboard.console;

import dev.switchboard.console.charts.ChartData;
import dev.switchboard.console.charts.ChartsViewModel;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.history.Metric;
import dev.switchboard.console.history.PrometheusHistory;
import dev.switchboard.console.history.SeriesPoints;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking back beyond the console's hour: a real Prometheus (the Debian binary) scrapes a real gateway under traffic,
 * and the Charts view model asks it over /api/v1/query_range for six hours; the rate chart then holds each backend.
 */
class ChartsPrometheusLookbackTest {

    @TempDir
    Path dir;

    @Test
    void sixHoursComeFromPrometheusPerBackend() throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + remote.admin.port(),
                     RemoteGatewayHarness.TOKEN)) {
            Eventually.await("a few scrapes under traffic", Duration.ofSeconds(30), () -> !prometheus.query(
                    "count_over_time(switchboard_backend_requests_total{backend=\"red\"}[1m]) >= 3").isEmpty());
            ChartsViewModel charts = new ChartsViewModel(Runnable::run);
            charts.prometheusUrlProperty().set(prometheus.url());
            charts.rangeProperty().set(ChartsViewModel.Range.HOURS_6);

            charts.show("remote", "remote-shop", new GatewayHistory());

            Eventually.await("the answer of Prometheus", Duration.ofSeconds(20),
                    () -> charts.statusProperty().get().startsWith("from Prometheus"));
            ChartData rate = charts.rateProperty().get();
            assertThat(rate.toMillis() - rate.fromMillis()).isEqualTo(Duration.ofHours(6).toMillis());
            assertThat(rate.lines()).extracting(ChartData.Line::label)
                    .containsExactlyInAnyOrder("blue", "blue retries", "red", "red retries");
            // The harness has no retry policy: each backend's retries series is there, at 0 retries/s.
            assertThat(rate.lines()).filteredOn(l -> l.label().endsWith(" retries")).allSatisfy(l -> assertThat(
                    Arrays.stream(l.points().values()).filter(Double::isFinite)).isNotEmpty().containsOnly(0.0));
            for (ChartData.Line line : rate.lines().stream().filter(l -> !l.label().endsWith(" retries")).toList()) {
                Optional<Double> newest = newest(line);
                // The harness sends 100 req/s split 50:50. Six hours take a 72 s step and a 144 s rate window, which
                // holds only the seconds since the gateway started, so Prometheus reports a lower average: above 0.
                assertThat(newest).as("newest req/s of %s", line.label()).hasValueSatisfying(v -> assertThat(v).isBetween(0.05, 120.0));
                long gaps = Arrays.stream(line.points().values()).filter(Double::isNaN).count();
                assertThat(gaps).as("six hours before the gateway existed are gaps").isGreaterThan(250);
            }
            assertThat(charts.latencyProperty().get().title()).contains("remote");

            // The harness has no retry policy: every backend's retries series is there, at 0 retries/s.
            try (PrometheusHistory history = new PrometheusHistory(URI.create(prometheus.url()))) {
                long now = System.currentTimeMillis();
                Map<String, SeriesPoints> retries = history.range("remote-shop", Metric.RETRIES_PER_SECOND,
                        now - Duration.ofMinutes(5).toMillis(), now).get(20, TimeUnit.SECONDS);
                assertThat(retries).containsOnlyKeys("blue", "red");
                assertThat(retries.values()).allSatisfy(points -> assertThat(Arrays.stream(points.values())
                        .filter(Double::isFinite)).isNotEmpty().allSatisfy(v -> assertThat(v).isZero()));
            }
        }
    }

    private static Optional<Double> newest(ChartData.Line line) {
        double[] v = line.points().values();
        for (int i = v.length - 1; i >= 0; i--) {
            if (Double.isFinite(v[i])) {
                return Optional.of(v[i]);
            }
        }
        return Optional.empty();
    }
}

package dev.switchboard.console.charts;

import dev.switchboard.console.feed.CounterTotals;
import dev.switchboard.console.feed.IntervalDetail;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.IntervalStats;
import dev.switchboard.console.common.Frames;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsViewModelTest {

    private static final long T0 = 1_700_000_000_000L;
    private final ChartsViewModel charts = new ChartsViewModel(Runnable::run);
    private final GatewayHistory history = new GatewayHistory();

    @Test
    void twelveBackendsGetTwelveColoursAndEachP99IsDashedInItsP50sColour() {
        List<String> backends = IntStream.rangeClosed(1, 12).mapToObj(i -> "catalog-" + i).toList();
        for (int s = 0; s < 3; s++) {
            feed(T0 + s * 1_000L, backends, s * 20L);
        }
        charts.show("edge-1", "edge", history);
        ChartData latency = charts.latencyProperty().get();
        assertThat(latency.title()).contains("as gateway 'edge-1' measured it").doesNotContain("traffic generator");
        assertThat(latency.lines().stream().filter(l -> l.stroke() == ChartData.Stroke.SOLID).map(ChartData.Line::colour)
                .distinct()).hasSize(12);
        assertThat(Palette.size()).isGreaterThanOrEqualTo(12);
        for (int i = 0; i < latency.lines().size(); i += 2) {
            ChartData.Line p50 = latency.lines().get(i);
            ChartData.Line p99 = latency.lines().get(i + 1);
            assertThat(p99.label()).isEqualTo(p50.label().replace("p50", "p99"));
            assertThat(p99.stroke()).isEqualTo(ChartData.Stroke.DASHED);
            assertThat(p99.colour()).isEqualTo(p50.colour());
        }
        assertThat(charts.failuresProperty().get().lines()).extracting(ChartData.Line::label)
                .contains("catalog-1 5xx", "catalog-1 conn", "catalog-1 timeout");
        // Retries beside the requests, dashed in the backend's colour: 2 of every 20 requests a second.
        List<ChartData.Line> rates = charts.rateProperty().get().lines();
        ChartData.Line requests = rates.stream().filter(l -> l.label().equals("catalog-1")).findFirst().orElseThrow();
        ChartData.Line retries = rates.stream().filter(l -> l.label().equals("catalog-1 retries")).findFirst().orElseThrow();
        assertThat(retries.stroke()).isEqualTo(ChartData.Stroke.DASHED);
        assertThat(retries.colour()).isEqualTo(requests.colour());
        assertThat(java.util.Arrays.stream(retries.points().values()).filter(Double::isFinite)).isNotEmpty().containsOnly(2.0);
    }

    @Test
    void aStartupSpikeDoesNotOwnTheAxis() {
        AxisRange axis = new AxisRange(1);
        double[] values = new double[300];
        java.util.Arrays.fill(values, 20);
        values[0] = 3_300;
        assertThat(axis.update(values, values.length)).isLessThan(50).isGreaterThanOrEqualTo(20);
        // A real rise shows at once; a fall lets the axis come down over a few updates, not jump.
        java.util.Arrays.fill(values, 200);
        assertThat(axis.update(values, values.length)).isGreaterThanOrEqualTo(200);
        java.util.Arrays.fill(values, 20);
        double afterOne = axis.update(values, values.length);
        assertThat(afterOne).isGreaterThan(50);
        for (int i = 0; i < 30; i++) {
            afterOne = axis.update(values, values.length);
        }
        assertThat(afterOne).isLessThan(50);
    }

    @Test
    void beyondTheHourWithoutPrometheusTheChartsSayWhatIsNeeded() {
        charts.rangeProperty().set(ChartsViewModel.Range.HOURS_6);
        charts.show("edge-1", "edge", history);
        assertThat(charts.statusProperty().get()).contains("Prometheus URL").contains("--prometheus");
        charts.prometheusUrlProperty().set("prometheus:9090");
        charts.show("edge-1", "edge", history);
        assertThat(charts.statusProperty().get()).startsWith("'prometheus:9090' is not an http(s)://host:port address");
    }

    private void feed(long at, List<String> backends, long total) {
        Map<String, IntervalStats> stats = new LinkedHashMap<>();
        backends.forEach(b -> stats.put(b, new IntervalStats(20, 0, 0, 5, 8, 12, Duration.ofSeconds(1),
                new CounterTotals(at, total, total, 0, 0, 0, 0, total / 10), IntervalDetail.NONE)));
        history.update(new GatewayFrame("edge-1", "edge", ConnectionState.LIVE, "", 1, "h", Instant.ofEpochMilli(at),
                backends.stream().map(b -> Frames.backend(b, BreakerState.CLOSED)).toList(), List.of(), at, stats,
                List.of()));
    }
}

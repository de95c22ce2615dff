package dev.switchboard.console.charts;

import dev.switchboard.console.history.BackendHistory;
import dev.switchboard.console.history.GatewayHistory;
import dev.switchboard.console.history.Metric;
import dev.switchboard.console.history.PrometheusHistory;
import dev.switchboard.console.history.SeriesPoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the three charts draw for the selected gateway over the chosen range: from the console's own history up to
 * {@link BackendHistory#KEPT}, from Prometheus beyond it when the operator gave one. Each backend keeps one colour
 * across the charts; p99 and the failure kinds differ by stroke, not colour.
 */
public final class ChartsViewModel {

    /** How far back the charts look. */
    public enum Range {
        MINUTES_5(Duration.ofMinutes(5), "5 min"), MINUTES_15(Duration.ofMinutes(15), "15 min"),
        HOUR_1(Duration.ofHours(1), "1 h"), HOURS_6(Duration.ofHours(6), "6 h (Prometheus)"),
        HOURS_24(Duration.ofHours(24), "24 h (Prometheus)");

        private final Duration span;
        private final String label;

        Range(Duration span, String label) {
            this.span = span;
            this.label = label;
        }

        public Duration span() {
            return span;
        }

        /** Whether the console's own history cannot cover it. */
        public boolean needsPrometheus() {
            return span.compareTo(BackendHistory.KEPT) > 0;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String RATE_TITLE = "Requests/s per backend (solid), retries/s (dashed)";
    static final String FAILURE_TITLE = "Failures/s per backend: 5xx (solid), connection errors (dashed), timeouts (dotted)";

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.MINUTES_5);
    private final StringProperty prometheusUrl = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<ChartData> rate = new SimpleObjectProperty<>(ChartData.empty(RATE_TITLE, "req/s"));
    private final ObjectProperty<ChartData> latency = new SimpleObjectProperty<>(ChartData.empty(latencyTitle(""), "ms"));
    private final ObjectProperty<ChartData> failures = new SimpleObjectProperty<>(ChartData.empty(FAILURE_TITLE, "/s"));
    private final Map<String, Integer> colours = new HashMap<>();
    private final AxisRange rateAxis = new AxisRange(1);
    private final AxisRange latencyAxis = new AxisRange(1);
    private final AxisRange failureAxis = new AxisRange(1);
    private final Executor fx;
    private PrometheusHistory prometheus;
    private long prometheusRequest;

    /** @param fx where Prometheus answers are applied (the FX thread) */
    public ChartsViewModel(Executor fx) {
        this.fx = fx;
        range.addListener((obs, was, now) -> resetAxes());
    }

    /** The latency chart's title: whose measurement it is. */
    static String latencyTitle(String gatewayId) {
        return "Latency per backend, p50 (solid) / p99 (dashed), ms, as gateway '" + gatewayId + "' measured it";
    }

    /** Another gateway is shown: its backends get colours afresh and the axes forget the previous one. */
    public void gatewayChanged() {
        colours.clear();
        resetAxes();
    }

    private void resetAxes() {
        rateAxis.reset();
        latencyAxis.reset();
        failureAxis.reset();
    }

    /**
     * Redraws from the console's history of {@code gatewayId}. With a range beyond it, asks Prometheus instead
     * ({@code configId} is the gateway's {@code gateway.id}, its label there) and applies the answer when it comes.
     */
    public void show(String gatewayId, String configId, GatewayHistory history) {
        Range r = range.get();
        long to = r.needsPrometheus() ? System.currentTimeMillis() : history.latestStatsMillis();
        long from = to - r.span().toMillis();
        if (r.needsPrometheus()) {
            lookBack(gatewayId, configId, from, to);
            return;
        }
        status.set("");
        Map<String, Function<Metric, SeriesPoints>> backends = new java.util.LinkedHashMap<>();
        history.stats().forEach((id, h) -> backends.put(id, m -> h.series(m, from, to)));
        apply(gatewayId, from, to, backends);
    }

    private void apply(String gatewayId, long from, long to, Map<String, Function<Metric, SeriesPoints>> backends) {
        List<ChartData.Line> rates = new ArrayList<>();
        List<ChartData.Line> latencies = new ArrayList<>();
        List<ChartData.Line> fails = new ArrayList<>();
        backends.forEach((id, series) -> {
            int colour = colours.computeIfAbsent(id, k -> colours.size());
            rates.add(new ChartData.Line(id, colour, ChartData.Stroke.SOLID, series.apply(Metric.REQUESTS_PER_SECOND)));
            rates.add(new ChartData.Line(id + " retries", colour, ChartData.Stroke.DASHED,
                    series.apply(Metric.RETRIES_PER_SECOND)));
            latencies.add(new ChartData.Line(id + " p50", colour, ChartData.Stroke.SOLID, series.apply(Metric.P50_MILLIS)));
            latencies.add(new ChartData.Line(id + " p99", colour, ChartData.Stroke.DASHED, series.apply(Metric.P99_MILLIS)));
            fails.add(new ChartData.Line(id + " 5xx", colour, ChartData.Stroke.SOLID,
                    series.apply(Metric.SERVER_ERRORS_PER_SECOND)));
            fails.add(new ChartData.Line(id + " conn", colour, ChartData.Stroke.DASHED,
                    series.apply(Metric.CONNECTION_ERRORS_PER_SECOND)));
            fails.add(new ChartData.Line(id + " timeout", colour, ChartData.Stroke.DOTTED,
                    series.apply(Metric.TIMEOUTS_PER_SECOND)));
        });
        rate.set(chart(RATE_TITLE, "req/s", from, to, rates, rateAxis));
        latency.set(chart(latencyTitle(gatewayId), "ms", from, to, latencies, latencyAxis));
        failures.set(chart(FAILURE_TITLE, "/s", from, to, fails, failureAxis));
    }

    private static ChartData chart(String title, String unit, long from, long to, List<ChartData.Line> lines,
                                   AxisRange axis) {
        int count = lines.stream().mapToInt(l -> l.points().size()).sum();
        double[] all = new double[count];
        int at = 0;
        for (ChartData.Line l : lines) {
            System.arraycopy(l.points().values(), 0, all, at, l.points().size());
            at += l.points().size();
        }
        return new ChartData(title, unit, from, to, axis.update(all, count), lines);
    }

    private void lookBack(String gatewayId, String configId, long from, long to) {
        PrometheusHistory source = prometheus();
        if (source == null) {
            String given = prometheusUrl.get() == null ? "" : prometheusUrl.get().trim();
            status.set((given.isEmpty() ? "" : "'" + given + "' is not an http(s)://host:port address. ")
                    + "Looking back " + range.get().span().toHours() + " h needs a Prometheus URL (the field above, "
                    + "or switchboard console --prometheus URL); the console itself keeps "
                    + BackendHistory.KEPT.toHours() + " h");
            return;
        }
        long request = ++prometheusRequest;
        status.set("asking " + source.base() + " for gateway '" + configId + "'...");
        List<Metric> metrics = List.of(Metric.REQUESTS_PER_SECOND, Metric.RETRIES_PER_SECOND, Metric.P50_MILLIS,
                Metric.P99_MILLIS, Metric.SERVER_ERRORS_PER_SECOND, Metric.CONNECTION_ERRORS_PER_SECOND,
                Metric.TIMEOUTS_PER_SECOND);
        List<CompletableFuture<Map<String, SeriesPoints>>> answers = metrics.stream()
                .map(m -> source.range(configId, m, from, to)).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenCompleteAsync((ok, error) -> {
            if (request != prometheusRequest) {
                return; // a newer question is on its way
            }
            if (error != null) {
                status.set("Prometheus " + source.base() + ": " + dev.switchboard.console.feed.Failures.cause(error).getMessage());
                return;
            }
            Map<Metric, Map<String, SeriesPoints>> byMetric = new HashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                byMetric.put(metrics.get(i), answers.get(i).join());
            }
            SeriesPoints none = new SeriesPoints(new double[0], new double[0]);
            Map<String, Function<Metric, SeriesPoints>> backends = new java.util.TreeMap<>();
            byMetric.get(Metric.REQUESTS_PER_SECOND).keySet().forEach(id ->
                    backends.put(id, m -> byMetric.get(m).getOrDefault(id, none)));
            apply(gatewayId, from, to, backends);
            status.set("from Prometheus " + source.base() + ": " + backends.size() + " backends");
        }, fx);
    }

    private PrometheusHistory prometheus() {
        String url = prometheusUrl.get() == null ? "" : prometheusUrl.get().trim();
        if (url.isEmpty()) {
            return null;
        }
        if (prometheus == null || !prometheus.base().toString().equals(url.replaceAll("/$", ""))) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return null;
            }
            if (prometheus != null) {
                prometheus.close();
            }
            prometheus = new PrometheusHistory(uri);
        }
        return prometheus;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The Prometheus server to look back through; blank for none. */
    public StringProperty prometheusUrlProperty() {
        return prometheusUrl;
    }

    /** Where the data comes from, or why a range cannot be shown. */
    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<ChartData> rateProperty() {
        return rate;
    }

    public ObjectProperty<ChartData> latencyProperty() {
        return latency;
    }

    public ObjectProperty<ChartData> failuresProperty() {
        return failures;
    }
}

package dev.switchboard.console.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Looks further back than the console's own hour: PromQL over the gateway's {@code /metrics} series as a Prometheus
 * server scraped them, through its HTTP API {@code /api/v1/query_range}. One series per backend and metric, on the
 * same {@link SeriesPoints} the console's history gives, with NaN where Prometheus has no value (a gap).
 */
public final class PrometheusHistory implements AutoCloseable {

    /** Points per series a query asks for at most; the step follows from the range. */
    static final int POINTS = 300;
    /** The shortest rate window: a few scrapes at the common 15 s interval. */
    static final Duration MIN_RATE_WINDOW = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param base the server's address, e.g. {@code http://127.0.0.1:9091} */
    public PrometheusHistory(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public URI base() {
        return base;
    }

    /**
     * One metric of every backend of the gateway whose config {@code gateway.id} is {@code gatewayId}, from
     * {@code fromMillis} to {@code toMillis}; completes exceptionally with what Prometheus said when it refuses.
     */
    public CompletableFuture<Map<String, SeriesPoints>> range(String gatewayId, Metric metric, long fromMillis,
                                                              long toMillis) {
        long stepSeconds = Math.max(1, (toMillis - fromMillis) / 1000 / POINTS);
        long window = Math.max(2 * stepSeconds, MIN_RATE_WINDOW.toSeconds());
        String query = promql(metric, gatewayId, window + "s");
        URI uri = URI.create(base + "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + seconds(fromMillis) + "&end=" + seconds(toMillis) + "&step=" + stepSeconds);
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(r -> parse(query, r, fromMillis, toMillis, stepSeconds));
    }

    /** The PromQL for one metric, per backend; {@code window} is the rate window, e.g. {@code 30s}. */
    static String promql(Metric metric, String gatewayId, String window) {
        String g = "gateway=\"" + gatewayId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String requests = "switchboard_backend_requests_total{" + g;
        String errors = "switchboard_backend_errors_total{" + g;
        return switch (metric) {
            case REQUESTS_PER_SECOND -> "sum by (backend) (rate(" + requests + "}[" + window + "]) or rate(" + errors
                    + "}[" + window + "]))";
            case SERVER_ERRORS_PER_SECOND -> "sum by (backend) (rate(" + requests + ",class=\"5xx\"}[" + window
                    + "]) or rate(" + errors + "}[" + window + "]))";
            case CONNECTION_ERRORS_PER_SECOND -> "sum by (backend) (rate(" + errors
                    + ",reason=~\"BackendConnectionFailure|ConnectionReset\"}[" + window + "]))";
            case TIMEOUTS_PER_SECOND -> "sum by (backend) (rate(" + errors + ",reason=\"Timeout\"}[" + window + "]))";
            case RETRIES_PER_SECOND -> "sum by (backend) (rate(switchboard_backend_retries_total{" + g + "}[" + window + "]))";
            case P50_MILLIS -> quantile(0.5, g, window);
            case P99_MILLIS -> quantile(0.99, g, window);
        };
    }

    private static String quantile(double q, String g, String window) {
        return "1000 * histogram_quantile(" + q + ", sum by (backend, le) (rate(switchboard_backend_latency_seconds_bucket{"
                + g + "}[" + window + "])))";
    }

    private static Map<String, SeriesPoints> parse(String query, HttpResponse<String> r, long fromMillis, long toMillis,
                                                   long stepSeconds) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus answered " + r.statusCode() + " with no JSON to " + query, e);
        }
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Prometheus refused " + query + " (HTTP " + r.statusCode() + "): "
                    + body.path("error").asText(r.body()));
        }
        long stepMillis = stepSeconds * 1000;
        int n = (int) ((toMillis - fromMillis) / stepMillis) + 1;
        Map<String, SeriesPoints> result = new TreeMap<>();
        for (JsonNode series : body.path("data").path("result")) {
            double[] times = new double[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                times[i] = fromMillis + i * stepMillis;
                values[i] = Double.NaN;
            }
            for (JsonNode point : series.path("values")) {
                int i = (int) Math.round((point.get(0).asDouble() * 1000 - fromMillis) / stepMillis);
                if (i >= 0 && i < n) {
                    values[i] = Double.parseDouble(point.get(1).asText());
                }
            }
            result.put(series.path("metric").path("backend").asText(), new SeriesPoints(times, values));
        }
        return result;
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.StateHash;
import dev.switchboard.sim.SimBehavior;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.ExternalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} is valid Prometheus text and its counters match the traffic sent. */
class MetricsTest {

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** A strict reader of the text exposition format: every sample belongs to a declared family. */
    static List<Sample> parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertThat(parts).hasSize(4);
                assertThat(parts[3]).isIn("counter", "gauge", "histogram", "summary", "untyped");
                assertThat(types.put(parts[2], parts[3])).as("declared once: " + parts[2]).isNull();
                continue;
            }
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("sample line: " + line).isTrue();
            String name = m.group(1);
            String family = name.replaceFirst("_(bucket|sum|count)$", "");
            assertThat(types.containsKey(name) || "histogram".equals(types.get(family))).as("declared: " + name).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                assertThat(end).as("labels of " + line).isEqualTo(m.group(2).length());
            }
            samples.add(new Sample(name, labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    static double sum(List<Sample> samples, String name, Map<String, String> match) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    @Test
    void countersMatchTheTrafficSent() {
        try (TelemetryHarness h = new TelemetryHarness()) {
            h.applyNotifications("{ \"name\": \"ops\", \"url\": \"http://127.0.0.1:9/\", \"events\": [ \"configRefused\" ] }");
            h.sim("a").setBehavior(SimBehavior.defaults().withStatus(404));
            Map<Integer, Integer> sent = h.traffic(30);
            int notFound = sent.getOrDefault(404, 0);
            int ok = sent.getOrDefault(200, 0);
            assertThat(notFound + ok).isEqualTo(30);
            assertThat(notFound).isPositive();
            AtomicReference<List<Sample>> samples = new AtomicReference<>();
            AtomicReference<String> text = new AtomicReference<>();
            Eventually.await("latency histogram caught up", Duration.ofSeconds(5), () -> {
                HttpResponse<String> r = h.adminGet("/metrics", TelemetryHarness.VIEWER);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
                text.set(r.body());
                samples.set(parse(r.body()));
                return sum(samples.get(), "switchboard_backend_latency_seconds_count", Map.of()) == 30;
            });
            List<Sample> s = samples.get();
            assertThat(sum(s, "switchboard_backend_requests_total", Map.of("backend", "a", "class", "4xx"))).isEqualTo(notFound);
            assertThat(sum(s, "switchboard_backend_requests_total", Map.of("backend", "b", "class", "2xx"))).isEqualTo(ok);
            assertThat(sum(s, "switchboard_backend_requests_total", Map.of())).isEqualTo(30);
            assertThat(sum(s, "switchboard_backend_errors_total", Map.of())).isZero();
            assertThat(sum(s, "switchboard_api_requests_total", Map.of("api", "api", "backend", "a", "class", "4xx"))).isEqualTo(notFound);
            assertThat(sum(s, "switchboard_api_requests_total", Map.of("api", "api"))).isEqualTo(30);
            assertThat(sum(s, "switchboard_api_errors_total", Map.of("api", "api", "reason", "Timeout"))).isZero();
            assertThat(sum(s, "switchboard_backend_admin_state", Map.of("backend", "a", "state", "ENABLED"))).isEqualTo(1);
            assertThat(sum(s, "switchboard_pool_active_priority", Map.of("pool", "pool"))).isEqualTo(1);
            assertThat(sum(s, "switchboard_pool_members_available", Map.of("pool", "pool"))).isEqualTo(2);
            assertThat(sum(s, "switchboard_dns_endpoint_in_answer", Map.of("profile", "api.orders.test", "endpoint", "east"))).isEqualTo(1);
            assertThat(s).anySatisfy(x -> assertThat(x.name()).isEqualTo("switchboard_build_info"));
            assertThat(sum(s, "switchboard_notifications_dead_letters_total", Map.of("target", "ops"))).isZero();
            assertThat(sum(s, "switchboard_notifications_queued", Map.of("target", "ops"))).isZero();
            assertThat(sum(s, "switchboard_pool_picks_total", Map.of("pool", "pool"))).isEqualTo(30);
            assertThat(sum(s, "switchboard_pool_picks_total", Map.of("pool", "pool", "backend", "a"))).isEqualTo(notFound);
            assertThat(sum(s, "switchboard_backend_in_flight", Map.of())).isZero();
            assertThat(sum(s, "switchboard_backend_breaker_state", Map.of("backend", "a", "state", "CLOSED"))).isEqualTo(1);
            assertThat(sum(s, "switchboard_backend_availability", Map.of("backend", "b", "state", "AVAILABLE"))).isEqualTo(1);
            assertThat(sum(s, "switchboard_pool_member_weight", Map.of("pool", "pool", "backend", "b"))).isEqualTo(1);
            assertThat(sum(s, "switchboard_config_version", Map.of("fleet", "gw-test", "hash", h.gateway.engine().hash(),
                    "shared", StateHash.shared(h.gateway.config(), h.gateway.engine().overrides())))).isEqualTo(h.gateway.engine().version());
            assertThat(s).filteredOn(x -> x.name().equals("switchboard_access_log_dropped_total")).singleElement()
                    .satisfies(x -> assertThat(x.value()).isZero());
            assertThat(sum(s, "switchboard_backend_latency_seconds_bucket", Map.of("backend", "a", "le", "+Inf"))).isEqualTo(notFound);
            Set<String> gateways = new HashSet<>();
            s.forEach(x -> gateways.add(x.labels().get("gateway")));
            assertThat(gateways).containsExactly("gw-test");
            double previous = 0;
            for (Sample b : s) {
                if (b.name().endsWith("_bucket") && b.labels().get("backend").equals("b")) {
                    assertThat(b.value()).as("buckets are cumulative").isGreaterThanOrEqualTo(previous);
                    previous = b.value();
                }
            }
            assertPromtoolAccepts(text.get());
        }
    }

    @Test
    void retriesAreCountedOnTheBackendThatGotThem() {
        try (TelemetryHarness h = new TelemetryHarness()) {
            h.applyEdited(json -> json.replace("\"backendId\": \"pool\" }", "\"backendId\": \"pool\", \"retry\": { "
                    + "\"statusCodeRanges\": [ { \"min\": 500, \"max\": 599 } ], \"count\": 1, \"interval\": \"PT0S\" } }"));
            h.sims.values().forEach(sim -> sim.setBehavior(SimBehavior.defaults().withStatus(500)));
            assertThat(h.traffic(10)).as("each request failed twice: first try and its one retry").containsOnlyKeys(500);
            AtomicReference<List<Sample>> samples = new AtomicReference<>();
            AtomicReference<String> text = new AtomicReference<>();
            Eventually.await("ten retries counted", Duration.ofSeconds(5), () -> {
                text.set(h.adminGet("/metrics", TelemetryHarness.VIEWER).body());
                samples.set(parse(text.get()));
                return sum(samples.get(), "switchboard_backend_retries_total", Map.of()) == 10;
            });
            List<Sample> s = samples.get();
            assertThat(sum(s, "switchboard_backend_requests_total", Map.of("class", "5xx"))).as("tries and retries").isEqualTo(20);
            assertThat(s).filteredOn(x -> x.name().equals("switchboard_backend_retries_total"))
                    .extracting(x -> x.labels().get("backend")).containsExactlyInAnyOrder("a", "b");
            assertThat(sum(s, "switchboard_backend_retries_total", Map.of("backend", "a"))
                    + sum(s, "switchboard_backend_retries_total", Map.of("backend", "b"))).isEqualTo(10);
            assertPromtoolAccepts(text.get());
        }
    }

    /** The real scrape passes {@code promtool check metrics} (naming, HELP/TYPE, histogram and counter conventions). */
    static void assertPromtoolAccepts(String exposition) {
        Path promtool = ExternalProcess.require("promtool", "prometheus");
        try {
            Path file = Files.createTempFile("metrics", ".txt");
            Files.writeString(file, exposition);
            ExternalProcess.Result r = ExternalProcess.run(List.of("sh", "-c", promtool + " check metrics < " + file), Duration.ofSeconds(20));
            Files.delete(file);
            assertThat(r.output()).as("promtool check metrics").isEmpty();
            assertThat(r.exitCode()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() {
        try (TelemetryHarness h = new TelemetryHarness()) {
            h.traffic(3);
            HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.adminUri("/metrics"))
                    .header("Authorization", "Bearer " + TelemetryHarness.VIEWER)
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").build());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text; version=1.0.0"));
            assertThat(r.body()).endsWith("# EOF\n").contains("# TYPE switchboard_backend_requests counter\n")
                    .contains("# TYPE switchboard_build info\n").contains("switchboard_build_info{");
        }
    }
}

package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.testing.ExternalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator pack in packaging/: the alert rules pass their promtool fixtures, and every PromQL expression of the
 * Grafana dashboard and the rules parses (promtool check rules) and names only metrics a real gateway exports.
 */
class DashboardAndAlertsTest {

    private static final Path DASHBOARD = Path.of("packaging/grafana/switchboard.json");
    private static final Path ALERTS = Path.of("packaging/prometheus/alerts.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Metric names in PromQL once quoted strings are gone; function names and keywords never start like this. */
    private static final Pattern METRIC = Pattern.compile("\\b(switchboard_[a-zA-Z0-9_:]*|up)\\b(?!\\s*\\()");
    /** Grafana's variables; any value makes valid PromQL where the dashboard uses them. */
    private static final Pattern VARIABLE = Pattern.compile("\\$(__rate_interval|__interval|__range|\\w+)");

    @Test
    void alertRulesPassTheirFixtures() {
        Path promtool = ExternalProcess.require("promtool", "prometheus");
        ExternalProcess.Result r = ExternalProcess.run(List.of(promtool.toString(), "test", "rules",
                Path.of("packaging/prometheus/alerts_test.yml").toString()), Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void dashboardQueriesParseAndNameExportedMetrics(@TempDir Path dir) throws Exception {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10).doesNotContain("");
        Set<String> titles = new TreeSet<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(String.join("\n", titles)).contains("Traffic share vs weight", "Requests/s per backend", "Errors/s per backend",
                "p99 latency per backend", "Breaker state", "Failovers", "DNS answers");

        // promtool has no offline query parser, but check rules parses every rule's expr: wrap each in a recording rule.
        ObjectNode rules = JSON.createObjectNode();
        ArrayNode list = rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        for (int i = 0; i < exprs.size(); i++) {
            list.addObject().put("record", "dashboard:expr_" + i).put("expr", VARIABLE.matcher(exprs.get(i)).replaceAll(m ->
                    m.group(1).startsWith("__") ? "5m" : "x"));
        }
        Path file = dir.resolve("dashboard-rules.yml");
        Files.writeString(file, rules.toPrettyString());
        Path promtool = ExternalProcess.require("promtool", "prometheus");
        ExternalProcess.Result r = ExternalProcess.run(List.of(promtool.toString(), "check", "rules", file.toString()), Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + exprs.size() + " rules found");

        Set<String> exported = exportedMetrics();
        List<String> variableQueries = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variableQueries.add(v.path("definition").asText()));
        for (String expr : concat(exprs, variableQueries)) {
            assertThat(exported).as("metrics exported by a gateway, named in: " + expr).containsAll(metricNames(expr));
        }
    }

    @Test
    void alertRulesNameExportedOrRecordedMetrics() throws Exception {
        String rules = Files.readString(ALERTS);
        Set<String> recorded = Pattern.compile("record: (\\S+)").matcher(rules).results().map(m -> m.group(1)).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        Pattern.compile("expr: \\|?\\s*\\n?((?:.+\\n?)+?)(?=\\s+(?:for|labels|- record|- alert):|\\z)").matcher(rules).results()
                .forEach(m -> named.addAll(metricNames(m.group(1))));
        Set<String> exported = exportedMetrics();
        for (String name : named) {
            assertThat(exported.contains(name) || recorded.contains(name)).as("%s is exported or recorded", name).isTrue();
        }
        assertThat(named).contains("switchboard_backend_breaker_state", "switchboard_pool_members_available", "up",
                "switchboard_config_version", "switchboard_api_requests_total", "switchboard_api:error_ratio:rate1h");
    }

    /** Metric names in a PromQL expression (string literals removed first, so label values do not count). */
    static Set<String> metricNames(String promql) {
        String code = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Series names of a real scrape of a gateway with traffic, a breaker, a traffic profile and a webhook target. */
    private static Set<String> exportedMetrics() {
        try (TelemetryHarness h = new TelemetryHarness()) {
            h.applyNotifications("{ \"name\": \"ops\", \"url\": \"http://127.0.0.1:9/\", \"events\": [ \"configRefused\" ] }");
            h.traffic(4);
            Set<String> names = new TreeSet<>();
            MetricsTest.parse(h.adminGet("/metrics", TelemetryHarness.VIEWER).body()).forEach(s -> names.add(s.name()));
            names.add("up");
            return names;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.BackendPhase;
import dev.switchboard.config.scenario.Scenario;
import dev.switchboard.config.scenario.ScenarioLoader;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario files: the example shape loads; every mistake is reported with its JSON path, line and column. */
class ScenarioLoaderTest {

    private final GatewayConfig config = SeedScenarioRehearsalTest.config("regional-failover.config.json");

    ScenarioLoaderTest() throws IOException {
    }

    @Test
    void theExampleShapeLoads() {
        Scenario s = ScenarioLoader.parse("""
                { "duration": "PT60S", "rate": 10, "method": "POST", "path": "/resilient-api/",
                  "headers": { "Content-Type": "application/json" },
                  "backends": {
                    "func-primary":   [ { "from": "PT0S", "status": 503 } ],
                    "func-secondary": [ { "from": "PT0S", "status": 200, "latencyMs": 20 } ] } }
                """, config);

        assertThat(s.requestCount()).isEqualTo(600);
        assertThat(s.requests()).singleElement().satisfies(k -> {
            assertThat(k.method()).isEqualTo("POST");
            assertThat(k.headers()).containsEntry("Content-Type", "application/json");
        });
        BackendPhase secondary = s.backends().get("func-secondary").getFirst();
        assertThat(secondary.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(secondary.until()).isNull();
        assertThat(s.seed()).isEqualTo(Scenario.DEFAULT_SEED);
    }

    @Test
    void everyProblemHasItsPathLineAndColumn() {
        assertThat(ScenarioLoader.problems("""
                { "duration": "60s", "rate": 0, "path": "resilient-api",
                  "backends": {
                    "func-primry": [ { "from": "PT0S", "status": 503 } ],
                    "regional-pool": [],
                    "func-secondary": [
                      { "from": "PT0S", "until": "PT30S", "refuse": true, "hang": true, "retryAfter": "PT1.5S" },
                      { "from": "PT20S", "errorRate": 1.5, "latency": 3 } ] } }
                """, config)).containsExactly(
                new ConfigProblem("duration", 1, 15, "\"60s\" is not an ISO-8601 duration such as PT15S"),
                new ConfigProblem("rate", 1, 30, "must be above 0 and at most 1000000 requests per second"),
                new ConfigProblem("path", 1, 41, "must start with '/', found \"resilient-api\""),
                new ConfigProblem("backends.func-primry", 3, 5, "unknown backend \"func-primry\"; the config's backends are "
                        + "func-primary, func-secondary; did you mean \"func-primary\"?"),
                new ConfigProblem("backends.regional-pool", 4, 5, "\"regional-pool\" is a pool; give phases to its member backends"),
                new ConfigProblem("backends.func-secondary[0].hang", 6, 67,
                        "a backend that refuses connections cannot also hang; choose refuse or hang"),
                new ConfigProblem("backends.func-secondary[0].retryAfter", 6, 87, "Retry-After is sent in whole seconds, found PT1.5S"),
                new ConfigProblem("backends.func-secondary[1].from", 7, 17, "overlaps the phase before it (from PT0S until PT30S); "
                        + "phases must be in time order without overlapping"),
                new ConfigProblem("backends.func-secondary[1].errorRate", 7, 39, "must be a fraction between 0 and 1, found 1.5"),
                new ConfigProblem("backends.func-secondary[1].latency", 7, 44, "unknown field \"latency\"; did you mean \"latencyMs\"?"));
    }

    @Test
    void aRateOfZeroOrBelowGetsOneMessage() {
        for (String rate : new String[] {"0", "-1", "-0.5"}) {
            assertThat(ScenarioLoader.problems("{ \"duration\": \"PT1S\", \"rate\": " + rate + ", \"path\": \"/a\" }", config))
                    .as("rate %s", rate).extracting(ConfigProblem::message)
                    .containsExactly("must be above 0 and at most 1000000 requests per second");
        }
    }

    @Test
    void aStreamNeedsAPathOrRequestsButNotBoth() {
        assertThat(ScenarioLoader.problems("{ \"duration\": \"PT1S\", \"rate\": 1 }", config)).extracting(ConfigProblem::message)
                .containsExactly("a request stream is needed: \"path\" (with \"method\" and \"headers\") or \"requests\"");
        assertThat(ScenarioLoader.problems("""
                { "duration": "PT1S", "rate": 1, "path": "/a", "requests": [ { "path": "/b", "weight": 2 } ] }""", config))
                .extracting(ConfigProblem::path).containsExactly("requests");
    }
}

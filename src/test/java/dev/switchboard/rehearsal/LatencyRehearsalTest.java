package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.ScenarioLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Latency-aware pools react in a rehearsal as in the gateway: each attempt's virtual latency reaches the engine, so a
 * slow primary group spills to the next one ({@code spillWhenSlow}).
 */
class LatencyRehearsalTest {

    private static final String CONFIG = """
            {
              "backends": {
                "slow": { "url": "http://127.0.0.1:9001" },
                "fast": { "url": "http://127.0.0.1:9002" },
                "pool": { "type": "Pool", "pool": { "spillWhenSlow": { "latency": "PT0.5S" }, "services": [
                  { "id": "/backends/slow", "priority": 1 }, { "id": "/backends/fast", "priority": 2 } ] } }
              },
              "apis": [ { "name": "orders", "path": "/orders", "backendId": "pool" } ]
            }
            """;

    private static final String SCENARIO = """
            { "duration": "PT20S", "rate": 10, "path": "/orders/1",
              "backends": {
                "slow": [ { "from": "PT0S", "latencyMs": 2000 } ],
                "fast": [ { "from": "PT0S", "latencyMs": 10 } ] } }
            """;

    @Test
    void aSlowPrimaryGroupSpillsToTheNextOnceItsFirstAnswersArrive() {
        GatewayConfig config = ConfigLoader.parse(CONFIG).orThrow();
        RehearsalResult r = Rehearsal.run(config, ScenarioLoader.parse(SCENARIO, config), false);

        // Until the first 2 s answer nothing is known, so the first 2 s of requests go to the primary.
        assertThat(r.firstFailoverAt()).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2200));
        assertThat(r.backendHits().get("fast")).isGreaterThan(r.backendHits().get("slow"));
        assertThat(r.serverErrors()).isZero();
    }
}

package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.ScenarioLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The preferred group, against which failover is measured, is taken from the first request kind that reaches a
 * backend: kinds no api takes, or that a returnResponse action answers, come first here and are skipped.
 */
class PreferredGroupRehearsalTest {

    private static final String CONFIG = """
            {
              "backends": {
                "primary": { "url": "http://127.0.0.1:9001", "circuitBreaker": { "rules": [ { "name": "r", "tripDuration": "PT30S",
                  "failureCondition": { "count": 1, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] } } ] } },
                "secondary": { "url": "http://127.0.0.1:9002" },
                "pool": { "type": "Pool", "pool": { "services": [
                  { "id": "/backends/primary", "priority": 1 }, { "id": "/backends/secondary", "priority": 2 } ] } }
              },
              "apis": [ {
                "name": "orders", "path": "/orders", "backendId": "pool",
                "rules": [ { "name": "maintenance", "when": [ { "source": "header", "name": "X-Maintenance", "exists": true } ],
                  "actions": [ { "type": "returnResponse", "status": 503 } ] } ]
              } ]
            }
            """;

    private static final String SCENARIO = """
            { "duration": "PT10S", "rate": 10, %s
              "requests": [
                { "path": "/nowhere" },
                { "path": "/orders/1", "headers": { "X-Maintenance": "yes" } },
                { "path": "/orders/2" } ] }
            """;

    private static RehearsalResult rehearse(String backends) {
        GatewayConfig config = ConfigLoader.parse(CONFIG).orThrow();
        return Rehearsal.run(config, ScenarioLoader.parse(SCENARIO.formatted(backends), config), false);
    }

    @Test
    void healthyTrafficToThePrimaryIsNoFailover() {
        RehearsalResult r = rehearse("");

        assertThat(r.backendHits().get("primary")).isPositive();
        assertThat(r.firstFailoverAt()).isNull();
        assertThat(r.allShiftedAt()).isNull();
    }

    @Test
    void aTrippedPrimaryShiftsTheTrafficWhenItTrips() {
        RehearsalResult r = rehearse("""
                "backends": { "primary": [ { "from": "PT5S", "status": 503 } ] },""");

        assertThat(r.allShiftedAt()).isEqualTo(r.transitions().getFirst().at()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(r.firstFailoverAt()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }
}

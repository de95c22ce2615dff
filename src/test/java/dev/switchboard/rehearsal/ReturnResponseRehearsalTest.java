package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rule with a returnResponse action answers from the gateway, as gateway/RequestActions does: the client gets the
 * action's status, no attempt is made and the backend is never hit, even when it would fail.
 */
class ReturnResponseRehearsalTest {

    private static final String CONFIG = """
            {
              "backends": { "app": { "url": "http://127.0.0.1:9001" } },
              "apis": [
                {
                  "name": "orders", "path": "/orders", "backendId": "app",
                  "rules": [
                    { "name": "maintenance", "when": [ { "source": "header", "name": "X-Maintenance", "exists": true } ],
                      "actions": [ { "type": "returnResponse", "status": 503, "reason": "Maintenance", "body": "back soon" } ] }
                  ]
                }
              ]
            }
            """;

    private static final String SCENARIO = """
            { "duration": "PT10S", "rate": 10,
              "requests": [
                { "path": "/orders/1", "headers": { "X-Maintenance": "yes" }, "weight": 1 },
                { "path": "/orders/2", "weight": 1 }
              ],
              "backends": { "app": [ { "from": "PT0S", "status": 200 } ] } }
            """;

    @Test
    void theGatewayAnswersWithoutAskingTheBackend() {
        GatewayConfig config = ConfigLoader.parse(CONFIG).orThrow();
        RehearsalResult r = Rehearsal.run(config, ScenarioLoader.parse(SCENARIO, config), false);

        long answered = r.clientStatus().getOrDefault(503, 0L);
        long forwarded = r.clientStatus().getOrDefault(200, 0L);
        assertThat(answered).isPositive();
        assertThat(forwarded).isPositive();
        assertThat(answered + forwarded).isEqualTo(r.requests()).isEqualTo(100);
        // Only the forwarded kind reaches the backend, with one attempt each; the answered ones make none.
        assertThat(r.backendHits()).isEqualTo(Map.of("app", forwarded));
        assertThat(r.attempts()).containsEntry(0, answered).containsEntry(1, forwarded);
    }
}

package dev.switchboard.config;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveTimeoutsTest {

    @Test
    void theTightestRouteToAPoolOrBackendGivesItsTimeoutAndMembersInheritTheirPools() {
        GatewayConfig config = ConfigLoader.parse("""
                {
                  "gateway": { "id": "t", "listen": "127.0.0.1:0" },
                  "backends": {
                    "a": { "url": "http://127.0.0.1:1" },
                    "b": { "url": "http://127.0.0.1:2" },
                    "lonely": { "url": "http://127.0.0.1:3" },
                    "unused": { "url": "http://127.0.0.1:4" },
                    "p": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } }
                  },
                  "apis": [
                    { "name": "slow", "path": "/slow", "backendId": "p", "timeouts": { "perTry": "PT10S", "total": "PT60S" },
                      "rules": [ { "name": "to-lonely", "when": [ { "source": "header", "name": "X-L", "equals": "1" } ],
                                   "backendId": "lonely" } ] },
                    { "name": "fast", "path": "/fast", "backendId": "p", "timeouts": { "perTry": "PT5S", "total": "PT5S" } }
                  ]
                }
                """).orThrow();

        EffectiveTimeouts timeouts = EffectiveTimeouts.of(config);

        assertThat(timeouts.ofPool("p")).as("fast is the tighter of the two routes to p").isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.ofBackend("a")).as("through its pool").isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.ofBackend("b")).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.ofBackend("lonely")).as("through slow's rule: its per-try").isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.ofBackend("unused")).as("no route reaches it").isNull();
    }
}

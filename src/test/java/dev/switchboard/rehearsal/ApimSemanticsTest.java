package dev.switchboard.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolConfig;
import org.junit.jupiter.api.Test;

/** Pool settings APIM does not have are dropped under {@code --apim}, and each drop is listed. */
class ApimSemanticsTest {

    private static final String CONFIG = """
            {
              "backends": {
                "a": { "url": "http://127.0.0.1:9001" },
                "b": { "url": "http://127.0.0.1:9002" },
                "fast": { "type": "Pool", "pool": { "balancer": "peak-ewma", "spillWhenSlow": { "latency": "PT0.5S" },
                  "services": [ { "id": "/backends/a", "priority": 1 }, { "id": "/backends/b", "priority": 2 } ] } },
                "plain": { "type": "Pool", "pool": { "services": [ { "id": "/backends/a" }, { "id": "/backends/b" } ] } }
              },
              "apis": [ { "name": "orders", "path": "/orders", "backendId": "fast" } ]
            }
            """;

    @Test
    void aLatencyAwareBalancerAndSpillWhenSlowAreDroppedAndListed() {
        GatewayConfig config = ConfigLoader.parse(CONFIG).orThrow();
        ApimSemantics.Limited limited = ApimSemantics.apply(config);

        PoolConfig pool = limited.config().backend("fast").pool();
        assertThat(pool.balancer()).isEqualTo(Balancer.WEIGHTED);
        assertThat(pool.spillWhenSlow()).isNull();
        assertThat(limited.adjustments()).contains(
                "balancer ignored, picks follow the weights (APIM has no balancer setting): fast",
                "spillWhenSlow ignored (APIM has no such setting): fast");
    }
}

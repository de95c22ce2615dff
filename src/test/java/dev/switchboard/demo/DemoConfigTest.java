package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.RetryPolicy;
import dev.switchboard.config.SlowStartConfig;
import dev.switchboard.config.StatusCodeRange;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoConfigTest {

    @Test
    void demoHasTheConsoleTopology() {
        GatewayConfig config = DemoConfig.load();
        assertThat(config.backends().keySet()).containsExactly("orders-east-1", "orders-east-2", "orders-west-1",
                "orders-west-2", "orders", "catalog-1", "catalog-2", "catalog");
        assertThat(config.backend("orders").pool().services()).extracting(PoolMember::effectivePriority)
                .containsExactly(1, 1, 2, 2);
        HealthProbeConfig probe = config.backend("orders-east-1").healthProbe();
        assertThat(probe.path()).isEqualTo("/health");
        assertThat(probe.healthyThreshold()).isEqualTo(2);
        assertThat(probe.unhealthyThreshold()).isEqualTo(3);
        assertThat(probe.expectedStatusCodeRanges()).containsExactly(new StatusCodeRange(200, 399));
        assertThat(config.backend("orders-east-2").slowStart())
                .isEqualTo(new SlowStartConfig(Duration.ofSeconds(30), SlowStartConfig.DEFAULT_MIN_WEIGHT_PERCENT));
        assertThat(config.apis()).extracting(ApiConfig::path).containsExactly("/orders", "/catalog");
        RetryPolicy catalogRetry = config.apis().get(1).retry();
        assertThat(catalogRetry.errorReasons())
                .isEqualTo(Set.of(ErrorReason.BackendConnectionFailure, ErrorReason.ConnectionReset));
        assertThat(catalogRetry.maxInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withUrlsRepointsSingleBackendsAndLeavesPoolsAlone() {
        GatewayConfig config = DemoConfig.withUrls(DemoConfig.load(), id -> "http://127.0.0.1:1/" + id);
        assertThat(config.backend("orders-west-2").url()).isEqualTo("http://127.0.0.1:1/orders-west-2");
        assertThat(config.backend("orders").url()).isNull();
        assertThat(config.backend("orders").pool()).isEqualTo(DemoConfig.load().backend("orders").pool());
    }
}

package dev.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * Active health probe of one backend (our extension; APIM has none).
 *
 * @param path                     request path of the probe
 * @param interval                 time between probes
 * @param timeout                  a probe slower than this fails
 * @param healthyThreshold         consecutive successes that mark a backend healthy (HAProxy's rise)
 * @param unhealthyThreshold       consecutive failures that mark it unhealthy (HAProxy's fall)
 * @param expectedStatusCodeRanges statuses that count as success
 */
public record HealthProbeConfig(
        String path,
        Duration interval,
        Duration timeout,
        int healthyThreshold,
        int unhealthyThreshold,
        List<StatusCodeRange> expectedStatusCodeRanges) {

    public HealthProbeConfig {
        expectedStatusCodeRanges = List.copyOf(expectedStatusCodeRanges);
    }
}

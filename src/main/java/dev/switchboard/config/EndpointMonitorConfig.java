package dev.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * How a traffic profile checks its endpoints (Traffic Manager's endpoint monitoring). An endpoint is DEGRADED after
 * {@code toleratedFailures + 1} consecutive failed probes and ONLINE again after one success.
 *
 * @param protocol                 HTTP, HTTPS or TCP
 * @param port                     probed port on the endpoint's target
 * @param path                     request path of HTTP(S) probes; null for TCP
 * @param interval                 time between the starts of two probes of one endpoint
 * @param timeout                  a probe slower than this fails; shorter than the interval
 * @param toleratedFailures        0-9 consecutive failures that still leave an endpoint online
 * @param expectedStatusCodeRanges statuses that count as success for HTTP(S); empty for TCP
 */
public record EndpointMonitorConfig(MonitorProtocol protocol, int port, String path, Duration interval, Duration timeout,
                                    int toleratedFailures, List<StatusCodeRange> expectedStatusCodeRanges) {

    public EndpointMonitorConfig {
        expectedStatusCodeRanges = List.copyOf(expectedStatusCodeRanges);
    }
}

package dev.switchboard.telemetry.protocol;

import dev.switchboard.gateway.stats.BackendInterval;
import java.util.List;

/**
 * Body of a {@code stats} message: what every backend did in the last interval.
 *
 * @param periodMs the interval length
 */
public record StatsReport(long periodMs, List<BackendInterval> backends) {

    public StatsReport {
        backends = List.copyOf(backends);
    }
}

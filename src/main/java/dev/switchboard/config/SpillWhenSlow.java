package dev.switchboard.config;

import java.time.Duration;

/**
 * {@code pool.spillWhenSlow}: a priority group whose fastest available member answers slower than {@code latency}
 * counts as slow, like Envoy's degraded hosts: the next group that is not slow takes its load. See docs/engine.md.
 *
 * @param latency threshold on the group's latency (peak-EWMA of response-head times)
 */
public record SpillWhenSlow(Duration latency) {
}

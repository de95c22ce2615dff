package dev.switchboard.engine;

import dev.switchboard.config.HealthProbeConfig;

/**
 * Applies healthyThreshold / unhealthyThreshold (HAProxy's rise / fall) to probe results reported by the gateway.
 * Guarded by the engine's mutation lock.
 */
final class ProbeTracker {

    private HealthProbeConfig config;
    private ProbeHealth health;
    private int consecutiveSuccesses;
    private int consecutiveFailures;
    private String lastDetail = "";

    ProbeTracker(HealthProbeConfig config) {
        reconfigure(config);
    }

    /** A changed or removed probe restarts from its initial state; an unchanged one keeps its verdict. */
    void reconfigure(HealthProbeConfig next) {
        if (next != null && next.equals(config)) {
            return;
        }
        config = next;
        health = next == null ? ProbeHealth.NOT_PROBED : ProbeHealth.UNKNOWN;
        consecutiveSuccesses = 0;
        consecutiveFailures = 0;
    }

    boolean probed() {
        return config != null;
    }

    ProbeHealth health() {
        return health;
    }

    /** Counts one probe result; true when the verdict changed. */
    boolean report(boolean success, String detail) {
        lastDetail = detail == null ? "" : detail;
        ProbeHealth before = health;
        if (success) {
            consecutiveFailures = 0;
            if (++consecutiveSuccesses >= config.healthyThreshold()) {
                health = ProbeHealth.HEALTHY;
            }
        } else {
            consecutiveSuccesses = 0;
            if (++consecutiveFailures >= config.unhealthyThreshold()) {
                health = ProbeHealth.UNHEALTHY;
            }
        }
        return health != before;
    }

    String describe() {
        return consecutiveFailures + " consecutive probe failure(s)" + (lastDetail.isEmpty() ? "" : ": " + lastDetail);
    }
}

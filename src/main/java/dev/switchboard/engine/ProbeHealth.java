package dev.switchboard.engine;

/**
 * Result of a backend's active probes. UNKNOWN (no verdict yet: fewer consecutive results than a threshold) counts
 * as healthy, so a new or restarted gateway does not refuse traffic while the first probes run; only
 * unhealthyThreshold consecutive failures take a backend out.
 */
public enum ProbeHealth {
    NOT_PROBED,
    UNKNOWN,
    HEALTHY,
    UNHEALTHY
}

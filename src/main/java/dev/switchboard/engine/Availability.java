package dev.switchboard.engine;

/**
 * The single availability of a backend (or pool member) combining admin state, breaker, probe, weight and slow
 * start. Earlier constants win when several apply: DISABLED, MAINTENANCE, UNAVAILABLE_FORCED,
 * UNAVAILABLE_BREAKER, UNHEALTHY, HALF_OPEN, DRAINING, SLOW_START, AVAILABLE.
 */
public enum Availability {
    AVAILABLE,
    /** Available with a weight still ramping up after recovery. */
    SLOW_START,
    /** Breaker half-open: takes a limited number of trial requests. */
    HALF_OPEN,
    /** Admin DRAIN or weight 0: only affinity keys already on it. */
    DRAINING,
    UNAVAILABLE_BREAKER,
    UNAVAILABLE_FORCED,
    UNHEALTHY,
    DISABLED,
    MAINTENANCE;

    /** Takes new (non-affinity) picks. */
    public boolean pickable() {
        return this == AVAILABLE || this == SLOW_START || this == HALF_OPEN;
    }

    /** Takes requests whose affinity key maps to it. */
    public boolean takesAffinity() {
        return pickable() || this == DRAINING;
    }
}

package dev.switchboard.engine.breaker;

/** Breaker states in Resilience4j's vocabulary; the forced ones are set by an operator and left only by one. */
public enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN,
    FORCED_OPEN,
    FORCED_CLOSED
}

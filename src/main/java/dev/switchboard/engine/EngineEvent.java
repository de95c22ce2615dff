package dev.switchboard.engine;

import java.time.Instant;

/**
 * Something the engine reports to its {@link EngineListener}s: breaker transitions
 * ({@link dev.switchboard.engine.breaker.BreakerTransition}), {@link AvailabilityChange}s and {@link StateChange}s.
 */
public interface EngineEvent {

    /** Wall-clock time of the event. */
    Instant at();
}

package dev.switchboard.engine;

import java.time.Instant;

/** A backend's combined availability changed. */
public record AvailabilityChange(String backendId, Availability from, Availability to, String reason, Instant at)
        implements EngineEvent {
}

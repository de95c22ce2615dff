package dev.switchboard.config;

import java.time.Duration;

/**
 * Weight ramp after a backend becomes available again, so a cold backend is not flooded.
 *
 * @param duration         ramp length
 * @param minWeightPercent weight share at the start of the ramp (default 10)
 */
public record SlowStartConfig(Duration duration, int minWeightPercent) {

    public static final int DEFAULT_MIN_WEIGHT_PERCENT = 10;
}

package dev.switchboard.config;

import java.time.Duration;

/**
 * One APIM breaker rule.
 *
 * @param name             rule name, shown in events
 * @param failureCondition what counts as failure and how many trip the breaker
 * @param tripDuration     how long the breaker stays OPEN
 * @param acceptRetryAfter use the backend's Retry-After as the trip duration when it sends one
 * @param maxTripDuration  cap on a Retry-After-driven trip (our extension; default the larger of 5 minutes and tripDuration)
 * @param halfOpenRequests trial requests let through in HALF_OPEN (our extension; default 1); 0, which config files
 *                         cannot set, closes the breaker when the trip ends, as APIM does
 */
public record BreakerRule(
        String name,
        FailureCondition failureCondition,
        Duration tripDuration,
        boolean acceptRetryAfter,
        Duration maxTripDuration,
        int halfOpenRequests) {

    public static final Duration DEFAULT_MAX_TRIP_DURATION = Duration.ofMinutes(5);
    public static final int DEFAULT_HALF_OPEN_REQUESTS = 1;
}

package dev.switchboard.config.binding;

import dev.switchboard.config.BreakerRule;
import java.time.Duration;
import java.util.List;

/** One entry of {@code circuitBreaker.rules}. */
final class BreakerRuleBinder implements Binder<BreakerRule> {

    @Override
    public List<String> fields() {
        return List.of("name", "failureCondition", "tripDuration", "acceptRetryAfter", "maxTripDuration",
                "halfOpenRequests");
    }

    @Override
    public BreakerRule bind(FieldReader in) {
        String name = in.requiredString("name");
        var condition = in.requiredObject("failureCondition", new FailureConditionBinder());
        Duration trip = in.requiredPositiveDuration("tripDuration");
        Duration maxTrip = in.positiveDuration("maxTripDuration");
        if (trip != null && maxTrip != null && maxTrip.compareTo(trip) < 0) {
            in.problem("maxTripDuration", "must not be shorter than tripDuration (" + trip + ")");
        }
        return new BreakerRule(name, condition, trip, in.bool("acceptRetryAfter", false),
                maxTrip != null ? maxTrip : defaultMaxTrip(trip),
                in.integer("halfOpenRequests", 1, 1000, BreakerRule.DEFAULT_HALF_OPEN_REQUESTS));
    }

    /** The default cap never undercuts the rule's own trip duration. */
    private static Duration defaultMaxTrip(Duration trip) {
        Duration fallback = BreakerRule.DEFAULT_MAX_TRIP_DURATION;
        return trip != null && trip.compareTo(fallback) > 0 ? trip : fallback;
    }
}

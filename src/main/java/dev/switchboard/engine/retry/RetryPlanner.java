package dev.switchboard.engine.retry;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.RetryPolicy;
import dev.switchboard.config.StatusCodeRange;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * APIM's {@code <retry>} decisions. With n the retry number (1 for the first retry):
 * fixed (interval only) waits interval; linear (with delta) interval + (n-1) x delta; exponential (with delta and
 * maxInterval) interval + (2^(n-1) - 1) x random(0.8 x delta, 1.2 x delta), capped at maxInterval. APIM writes the
 * exponent as its retry count, which its own example (interval and delta 10 s, max 100 s: waits 10, 20, 40, 80, 100 s)
 * shows to start at 0. firstFastRetry makes retry 1 immediate. Which backend the retry goes to is the pick's job ({@code Attempts}).
 */
public final class RetryPlanner {

    private final RandomGenerator random;

    /** @param random jitter source of the exponential formula; inject a seeded one in tests */
    public RetryPlanner(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param policy       the API's retry policy; null means never retry
     * @param attemptsMade attempts done so far (1 after the first attempt)
     * @param status       status of the last attempt (ignored when reason is set)
     * @param reason       transport failure of the last attempt, or null when a response arrived
     */
    public RetryDecision decide(RetryPolicy policy, int attemptsMade, int status, ErrorReason reason) {
        if (policy == null) {
            return RetryDecision.stop("no retry policy");
        }
        boolean retryable = policy.condition() != null ? policy.condition().test(new ResponseContext(reason == null ? status : null))
                : reason != null ? policy.errorReasons().contains(reason)
                : StatusCodeRange.anyContains(policy.statusCodeRanges(), status);
        String outcome = reason != null ? reason.name() : Integer.toString(status);
        if (!retryable) {
            return RetryDecision.stop(outcome + " is not retried");
        }
        if (attemptsMade > policy.count()) {
            return RetryDecision.stop("retry count " + policy.count() + " used up");
        }
        Duration delay = delay(policy, attemptsMade);
        return new RetryDecision(true, delay, outcome + ": retry " + attemptsMade + " of " + policy.count()
                + " after " + delay);
    }

    /** Wait before retry number n (1-based). */
    public Duration delay(RetryPolicy policy, int n) {
        if (policy.firstFastRetry() && n == 1) {
            return Duration.ZERO;
        }
        Duration interval = policy.interval();
        Duration delta = policy.delta();
        if (delta == null) {
            return interval;
        }
        if (policy.maxInterval() == null) {
            return interval.plus(delta.multipliedBy(n - 1L));
        }
        double jitteredDelta = delta.toNanos() * (0.8 + 0.4 * random.nextDouble());
        double nanos = interval.toNanos() + (Math.pow(2, n - 1) - 1) * jitteredDelta;
        long capped = (long) Math.min(nanos, (double) policy.maxInterval().toNanos());
        return Duration.ofNanos(capped);
    }
}

package dev.switchboard.config;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import dev.switchboard.policy.expr.PolicyExpression;

/**
 * APIM's {@code <retry>} as data. Interval only: fixed; with delta: linear; with delta and maxInterval:
 * exponential (APIM's formulas).
 *
 * @param statusCodeRanges statuses that are retried
 * @param errorReasons     transport errors that are retried
 * @param count            retries after the first attempt, 1-50
 * @param interval         base wait between attempts
 * @param maxInterval      cap of the exponential wait; null unless exponential
 * @param delta            linear/exponential increment; null for fixed
 * @param firstFastRetry   the first retry goes at once
 * @param otherBackend     retry on a backend not yet tried when the pool has one (default true)
 * @param condition        APIM's retry condition over context.Response (null when there was none); replaces the
 *                         ranges and reasons, which are then empty
 */
public record RetryPolicy(
        List<StatusCodeRange> statusCodeRanges,
        Set<ErrorReason> errorReasons,
        int count,
        Duration interval,
        Duration maxInterval,
        Duration delta,
        boolean firstFastRetry,
        boolean otherBackend,
        PolicyExpression condition) {

    /** A policy that retries by status ranges and error reasons. */
    public RetryPolicy(List<StatusCodeRange> statusCodeRanges, Set<ErrorReason> errorReasons, int count, Duration interval,
            Duration maxInterval, Duration delta, boolean firstFastRetry, boolean otherBackend) {
        this(statusCodeRanges, errorReasons, count, interval, maxInterval, delta, firstFastRetry, otherBackend, null);
    }

    public RetryPolicy {
        statusCodeRanges = List.copyOf(statusCodeRanges);
        errorReasons = errorReasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(errorReasons));
    }
}

package dev.switchboard.config;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * APIM's {@code failureCondition}: trip when {@code count} failures, or {@code percentage} percent of at least
 * {@code minimumRequests} requests, fall within {@code interval}. Exactly one of count and percentage is set.
 *
 * @param count            failures in the interval that trip the rule; null when percentage is used
 * @param percentage       failure percentage (1-100) that trips the rule; null when count is used
 * @param interval         the sliding window
 * @param statusCodeRanges response statuses that count as failures
 * @param errorReasons     transport errors that count as failures
 * @param minimumRequests  requests needed in the window before a percentage can trip (our extension; default 10)
 */
public record FailureCondition(
        Integer count,
        Integer percentage,
        Duration interval,
        List<StatusCodeRange> statusCodeRanges,
        Set<ErrorReason> errorReasons,
        int minimumRequests) {

    public static final int DEFAULT_MINIMUM_REQUESTS = 10;

    public FailureCondition {
        statusCodeRanges = List.copyOf(statusCodeRanges);
        errorReasons = errorReasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(errorReasons));
    }

    /** True when a response with this status counts against the rule. */
    public boolean isFailureStatus(int status) {
        return StatusCodeRange.anyContains(statusCodeRanges, status);
    }
}

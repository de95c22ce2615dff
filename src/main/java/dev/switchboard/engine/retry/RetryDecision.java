package dev.switchboard.engine.retry;

import java.time.Duration;

/**
 * Whether to try again and when.
 *
 * @param retry  true to make another attempt
 * @param delay  wait before it (zero for an immediate retry; zero when not retrying)
 * @param reason why, for logs and diagnostics
 */
public record RetryDecision(boolean retry, Duration delay, String reason) {

    static RetryDecision stop(String reason) {
        return new RetryDecision(false, Duration.ZERO, reason);
    }
}

package dev.switchboard.telemetry.server;

import java.time.Duration;

/**
 * Bounds that keep one console from costing the gateway unbounded memory or attention.
 *
 * @param maxQueuedMessages  messages waiting for a slow console before it is disconnected (stats do not count:
 *                           they are coalesced to the latest)
 * @param stallTimeout       how long a console may accept nothing before it is disconnected
 * @param maxPendingFrames   frames handed to the socket but not yet written, before the console counts as blocked
 * @param maxMessageBytes    largest message accepted from a console
 * @param maxBadInARow       malformed or refused-as-invalid messages in a row before the connection is closed
 * @param commandsPerSecond  sustained command rate per token, across all its connections (resync included)
 * @param commandBurst       command burst per token
 * @param recentEvents       events kept for late joiners
 */
public record TelemetryLimits(int maxQueuedMessages, Duration stallTimeout, int maxPendingFrames, int maxMessageBytes,
                              int maxBadInARow, double commandsPerSecond, int commandBurst, int recentEvents) {

    public static final TelemetryLimits DEFAULTS =
            new TelemetryLimits(2000, Duration.ofSeconds(10), 64, 1024 * 1024, 10, 20, 40, 200);

    public TelemetryLimits withStallTimeout(Duration timeout) {
        return new TelemetryLimits(maxQueuedMessages, timeout, maxPendingFrames, maxMessageBytes, maxBadInARow,
                commandsPerSecond, commandBurst, recentEvents);
    }

    public TelemetryLimits withMaxQueuedMessages(int max) {
        return new TelemetryLimits(max, stallTimeout, maxPendingFrames, maxMessageBytes, maxBadInARow,
                commandsPerSecond, commandBurst, recentEvents);
    }

    public TelemetryLimits withCommandBudget(double perSecond, int burst) {
        return new TelemetryLimits(maxQueuedMessages, stallTimeout, maxPendingFrames, maxMessageBytes, maxBadInARow,
                perSecond, burst, recentEvents);
    }
}

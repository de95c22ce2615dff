package dev.switchboard.console.feed;

import java.time.Instant;

/**
 * One line of the event log.
 *
 * @param backendId empty for gateway-wide events
 * @param alert     worth a notification: a breaker tripped, traffic failed over
 */
public record ConsoleEvent(Instant at, String gatewayId, String backendId, EventKind kind, boolean alert,
                           String message) {
}

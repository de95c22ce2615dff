package dev.switchboard.console.feed;

/**
 * A breaker or availability change a gateway recorded before the console saw it (from a snapshot's event ring), so
 * a freshly started console can draw the recent past on its timeline.
 *
 * @param breaker  true for a breaker change ({@code from}/{@code to} are breaker states), false for availability
 * @param atMillis when the gateway recorded it, epoch millis
 */
public record StateTransition(String backendId, long atMillis, boolean breaker, String from, String to, String reason) {
}

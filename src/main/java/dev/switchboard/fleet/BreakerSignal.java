package dev.switchboard.fleet;

/**
 * A gateway's OPEN breaker, published under the fleet on a lease that ends with the trip.
 *
 * @param until  ISO-8601 instant the trip ends
 * @param reason the breaker's reason, e.g. which rule tripped it
 */
public record BreakerSignal(String gateway, String backend, String until, String reason) {
}

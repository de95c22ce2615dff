package dev.switchboard.notify;

/**
 * One webhook target's counters since the gateway started (or since the target was added).
 *
 * @param queued events waiting or in delivery now
 */
public record TargetStats(String target, long delivered, long queueFull, long retriesExhausted, int queued) {
}

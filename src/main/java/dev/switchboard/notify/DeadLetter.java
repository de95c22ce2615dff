package dev.switchboard.notify;

import java.time.Instant;

/**
 * An event a target did not get: its queue was full, or every attempt failed.
 *
 * @param reason    {@code queue_full} or {@code retries_exhausted} (the metric label)
 * @param lastError what the last attempt got ("HTTP 500", "timed out after PT1S", "connection refused"); null when
 *                  the event was never sent
 */
public record DeadLetter(Instant at, String target, String eventId, String eventType, int attempts, String reason, String lastError) {

    public static final String QUEUE_FULL = "queue_full";
    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
}

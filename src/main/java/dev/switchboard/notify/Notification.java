package dev.switchboard.notify;

import dev.switchboard.config.NotificationKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One event for webhook targets, before it is written as a CloudEvent.
 *
 * @param kind    what targets subscribe to
 * @param id      unique per event (CloudEvents {@code id}); retries of one event keep it, so receivers can de-duplicate
 * @param type    CloudEvents {@code type}: APIM's Event Grid names for breaker open/close, {@code dev.switchboard.*} otherwise
 * @param subject what it is about, e.g. {@code /backends/orders-east/circuit-breaker/rules/five-xx}
 * @param data    the event's {@code data} object (JSON-ready values)
 */
public record Notification(NotificationKind kind, String id, String type, String subject, Instant time, Map<String, Object> data) {

    public Notification {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    static Notification of(NotificationKind kind, String type, String subject, Instant time, Map<String, Object> data) {
        return new Notification(kind, UUID.randomUUID().toString(), type, subject, time, data);
    }
}

package dev.switchboard.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where the gateway sends notifications (breaker, availability, failover, config and operator events) as CloudEvents.
 *
 * @param webhooks HTTP targets, each with its own queue, in file order
 */
public record NotificationsConfig(List<Webhook> webhooks) {

    public NotificationsConfig {
        webhooks = List.copyOf(webhooks);
    }

    /** The same targets without their signing secrets, for readers who must not see them. */
    public NotificationsConfig withoutSecrets() {
        return new NotificationsConfig(webhooks.stream().map(w -> new Webhook(w.name(), w.url(), w.events(), null, w.timeout(),
                w.retries(), w.backoff(), w.queueSize())).toList());
    }

    /**
     * One webhook target.
     *
     * @param name      names the target in logs, metrics and the console (never the URL, which may hold a credential)
     * @param url       http or https URL the events are POSTed to
     * @param events    the kinds it receives; every kind when the config lists none
     * @param secret    HMAC-SHA256 signing key; null to send unsigned. Never logged
     * @param timeout   for one delivery attempt, connecting included
     * @param retries   attempts after the first before the event becomes a dead letter
     * @param backoff   wait before the first retry; doubles per retry (capped at {@link #MAX_BACKOFF}), with full jitter
     * @param queueSize events waiting for this target at most; more are dead letters
     */
    public record Webhook(String name, String url, Set<NotificationKind> events, String secret, Duration timeout, int retries,
                          Duration backoff, int queueSize) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
        public static final int DEFAULT_RETRIES = 5;
        public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
        public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
        public static final int DEFAULT_QUEUE_SIZE = 1000;

        public Webhook {
            events = events.isEmpty() ? EnumSet.allOf(NotificationKind.class) : EnumSet.copyOf(events);
        }

        public boolean wants(NotificationKind kind) {
            return events.contains(kind);
        }

        @Override
        public String toString() {
            return "Webhook[" + name + ", " + events + ", signed=" + (secret != null) + "]";
        }
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.NotificationKind;
import dev.switchboard.config.NotificationsConfig;
import dev.switchboard.config.NotificationsConfig.Webhook;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The top-level {@code notifications} object: webhook targets for gateway events (docs/notifications.md). */
final class NotificationsBinder implements Binder<NotificationsConfig> {

    @Override
    public List<String> fields() {
        return List.of("webhooks");
    }

    @Override
    public NotificationsConfig bind(FieldReader in) {
        return new NotificationsConfig(in.requiredObjects("webhooks", new WebhookBinder()));
    }

    /** One target; names must be unique, as they label its metrics and log lines. */
    private static final class WebhookBinder implements Binder<Webhook> {

        private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
        private static final int MAX_RETRIES = 20;
        private static final int MAX_QUEUE_SIZE = 100_000;
        private static final int MIN_SECRET_LENGTH = 16;
        private final Set<String> names = new HashSet<>();

        @Override
        public List<String> fields() {
            return List.of("name", "url", "events", "secret", "timeout", "retries", "backoff", "queueSize");
        }

        @Override
        public Webhook bind(FieldReader in) {
            String name = in.requiredString("name");
            if (name != null && (name.isBlank() || !names.add(name))) {
                in.problem("name", name.isBlank() ? "must not be empty" : "duplicate webhook name \"" + name + "\"");
            }
            String url = in.requiredString("url");
            if (url != null && !HttpUrls.isValid(url)) {
                in.problem("url", "must be an absolute http or https URL, found \"" + url + "\"");
            } else if (url != null && HttpUrls.portProblem(url) != null) {
                in.problem("url", HttpUrls.portProblem(url));
            }
            List<NotificationKind> kinds = in.choices("events", List.of(NotificationKind.values()), NotificationKind::jsonName);
            String secret = in.string("secret");
            if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
                in.problem("secret", "must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            Duration timeout = in.positiveDuration("timeout");
            if (timeout != null && timeout.compareTo(MAX_TIMEOUT) > 0) {
                in.problem("timeout", "must be at most PT1M, found " + timeout);
            }
            Duration backoff = in.positiveDuration("backoff");
            if (backoff != null && backoff.compareTo(Webhook.MAX_BACKOFF) > 0) {
                in.problem("backoff", "must be at most PT5M, found " + backoff);
            }
            return new Webhook(name, url, kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), secret,
                    timeout == null ? Webhook.DEFAULT_TIMEOUT : timeout, in.integer("retries", 0, MAX_RETRIES, Webhook.DEFAULT_RETRIES),
                    backoff == null ? Webhook.DEFAULT_BACKOFF : backoff, in.integer("queueSize", 1, MAX_QUEUE_SIZE, Webhook.DEFAULT_QUEUE_SIZE));
        }
    }
}

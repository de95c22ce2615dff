package dev.switchboard.notify;

import dev.switchboard.config.NotificationsConfig.Webhook;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Delivers to one webhook: a bounded queue, one delivery at a time (events arrive in order), retries after a
 * backoff that doubles per attempt with jitter, and a dead letter when the queue is full or the retries run out.
 * Nothing here blocks its callers: sending is asynchronous and retries wait on the {@link Scheduler}.
 */
final class WebhookTarget {

    /** Something sent out that will be sent again on failure. */
    private static final class Pending {
        final Notification notification;
        final byte[] body;
        int attempts;

        Pending(Notification notification, byte[] body) {
            this.notification = notification;
            this.body = body;
        }
    }

    private final Webhook config;
    private final URI url;
    private final HttpClient http;
    private final Executor executor;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Clock clock;
    private final Consumer<DeadLetter> deadLetters;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final TargetCounters counters;
    private Pending current;
    private boolean closed;

    /** {@code counters}: the target name's, shared with the targets it replaces and is replaced by on reloads. */
    WebhookTarget(Webhook config, TargetCounters counters, HttpClient http, Executor executor, Scheduler scheduler, RandomGenerator random,
                  Clock clock, Consumer<DeadLetter> deadLetters) {
        this.config = config;
        this.counters = counters;
        this.url = URI.create(config.url());
        this.http = http;
        this.executor = executor;
        this.scheduler = scheduler;
        this.random = random;
        this.clock = clock;
        this.deadLetters = deadLetters;
    }

    Webhook config() {
        return config;
    }

    /** Queues {@code n} (its CloudEvents body is {@code body}); a full queue makes it a dead letter at once. */
    void offer(Notification n, byte[] body) {
        boolean accepted;
        boolean idle;
        synchronized (this) {
            if (closed) {
                return;
            }
            accepted = queue.size() + (current == null ? 0 : 1) < config.queueSize();
            if (accepted) {
                queue.addLast(new Pending(n, body));
            } else {
                counters.queueFull.increment();
            }
            idle = current == null;
        }
        if (!accepted) {
            deadLetters.accept(new DeadLetter(clock.instant(), config.name(), n.id(), n.type(), 0, DeadLetter.QUEUE_FULL, null));
        } else if (idle) {
            executor.execute(this::sendNext);
        }
    }

    private void sendNext() {
        Pending next;
        synchronized (this) {
            if (current != null || closed || queue.isEmpty()) {
                return;
            }
            next = queue.pollFirst();
            current = next;
        }
        attempt(next);
    }

    private void attempt(Pending p) {
        synchronized (this) {
            if (closed) {
                return;
            }
            p.attempts++;
        }
        long now = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", CloudEvents.CONTENT_TYPE)
                .header("User-Agent", "switchboard-webhook")
                .header(Signatures.TIMESTAMP_HEADER, Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(p.body));
        if (config.secret() != null) {
            request.header(Signatures.SIGNATURE_HEADER, Signatures.sign(config.secret(), now, p.body));
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> finished(p, response == null ? -1 : response.statusCode(), error));
    }

    private void finished(Pending p, int status, Throwable error) {
        if (error == null && status / 100 == 2) {
            synchronized (this) {
                counters.delivered.increment();
                current = null;
            }
            sendNext();
            return;
        }
        String failure = error == null ? "HTTP " + status : describe(error);
        if (p.attempts <= config.retries()) {
            scheduler.schedule(backoff(p.attempts), () -> attempt(p));
            return;
        }
        synchronized (this) {
            counters.retriesExhausted.increment();
            current = null;
        }
        deadLetters.accept(new DeadLetter(clock.instant(), config.name(), p.notification.id(), p.notification.type(), p.attempts,
                DeadLetter.RETRIES_EXHAUSTED, failure));
        sendNext();
    }

    /** Before retry {@code n} (1 = the first): {@code backoff * 2^(n-1)}, capped, of which a random half is waited off. */
    Duration backoff(int retry) {
        long full = Math.min(Webhook.MAX_BACKOFF.toMillis(), config.backoff().toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(full / 2 + random.nextLong(full / 2 + 1));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + config.timeout();
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    synchronized TargetStats stats() {
        return new TargetStats(config.name(), counters.delivered.sum(), counters.queueFull.sum(), counters.retriesExhausted.sum(),
                queue.size() + (current == null ? 0 : 1));
    }

    /** Stops sending; what is queued is dropped (the count is returned for the log). */
    synchronized int close() {
        closed = true;
        int dropped = queue.size() + (current == null ? 0 : 1);
        queue.clear();
        return dropped;
    }

}

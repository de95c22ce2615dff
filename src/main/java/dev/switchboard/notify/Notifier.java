package dev.switchboard.notify;

import dev.switchboard.config.NotificationsConfig;
import dev.switchboard.config.NotificationsConfig.Webhook;
import dev.switchboard.dns.ProfileEvent;
import dev.switchboard.dns.ProfileListener;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the gateway's events to the config's webhook targets as CloudEvents (docs/notifications.md). It listens to
 * the engine and the traffic profiles; the gateway and telemetry also hand it refused configs and operator actions.
 *
 * <p>Never on the request path: listeners only map the event and queue it (a bounded queue per target); delivery runs
 * on the notifier's own thread and the HTTP client's, so a target that is down or slow costs the gateway nothing but
 * its queue, whose overflow becomes dead letters (counted, and logged and reported to {@link #onDeadLetter} listeners
 * at most once per target per 10 s).
 */
public final class Notifier implements EngineListener, ProfileListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration FAILOVER_CHECK_DELAY = Duration.ofMillis(50);

    private final String gatewayId;
    private final Engine engine;
    private final ScheduledExecutorService thread;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Clock clock;
    private final HttpClient http;
    private final FailoverWatch failovers = new FailoverWatch();
    private final AtomicBoolean failoverCheckQueued = new AtomicBoolean();
    /** The rule whose trip each backend's breaker is in (open or half-open): close events name it as APIM's do. */
    private final Map<String, String> openedBy = new ConcurrentHashMap<>();
    private final List<Consumer<DeadLetter>> deadLetterListeners = new CopyOnWriteArrayList<>();
    /** Per target, on the notifier's thread: when a dead letter was last reported, and how many were not since. */
    private final Map<String, long[]> reported = new HashMap<>();
    private volatile Map<String, WebhookTarget> targets = Map.of();
    /** Per target name ever configured, guarded by {@code this}: they outlive the targets (see {@link TargetCounters}). */
    private final Map<String, TargetCounters> counters = new HashMap<>();

    private Notifier(String gatewayId, Engine engine, ScheduledExecutorService thread, Scheduler scheduler, RandomGenerator random,
                     Clock clock) {
        this.gatewayId = gatewayId;
        this.engine = engine;
        this.thread = thread;
        this.scheduler = scheduler != null ? scheduler
                : (delay, task) -> thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        this.random = random;
        this.clock = clock;
        // No connect timeout of its own: each request's timeout then bounds connecting too.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(thread).build();
    }

    /** A notifier on its own thread for {@code engine}'s gateway, with the targets of {@code config} (null: none yet). */
    public static Notifier start(String gatewayId, Engine engine, NotificationsConfig config) {
        return start(gatewayId, engine, config, null, RandomGenerator.getDefault(), Clock.systemUTC());
    }

    /** As {@link #start(String, Engine, NotificationsConfig)} with retries waiting on {@code scheduler} (null: real time). */
    public static Notifier start(String gatewayId, Engine engine, NotificationsConfig config, Scheduler scheduler, RandomGenerator random,
                                 Clock clock) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("notify-" + gatewayId).factory());
        Notifier notifier = new Notifier(gatewayId, engine, thread, scheduler, random, clock);
        notifier.apply(config);
        // Where every pool's traffic goes now, before any listener runs: later changes from here are failovers.
        notifier.failovers.check(engine.snapshot());
        return notifier;
    }

    /**
     * Switches to the targets of {@code config}. A target whose settings did not change keeps its queue; removed or
     * changed ones drop what they still hold. Counters belong to the target's name: they go on across any reload.
     */
    public synchronized void apply(NotificationsConfig config) {
        Map<String, WebhookTarget> next = new LinkedHashMap<>();
        for (Webhook w : config == null ? List.<Webhook>of() : config.webhooks()) {
            WebhookTarget existing = targets.get(w.name());
            next.put(w.name(), existing != null && existing.config().equals(w) ? existing
                    : new WebhookTarget(w, counters.computeIfAbsent(w.name(), n -> new TargetCounters()), http, thread, scheduler,
                            random, clock, this::deadLetter));
        }
        for (WebhookTarget old : targets.values()) {
            if (next.get(old.config().name()) != old) {
                int dropped = old.close();
                if (dropped > 0) {
                    LOG.warn("webhook '{}' removed or changed with {} event(s) still queued; they are dropped", old.config().name(), dropped);
                }
            }
        }
        targets = Collections.unmodifiableMap(next);
    }

    // ---- sources: cheap, never block ----

    @Override
    public void onEvent(EngineEvent event) {
        String lastRule = event instanceof BreakerTransition t ? ruleBehind(t) : null;
        publish(EventNotifications.of(event, engine.config(), lastRule));
        if (!(event instanceof BreakerTransition)) {
            queueFailoverCheck();
        }
    }

    /**
     * The rule a breaker event names: its own for a trip; for the half-open and close that follow, the rule that opened
     * the breaker; none once an operator forced it open (the force and everything after it are the operator's, not the
     * earlier trip's). A close ends the trip, so later events name no rule until one trips the breaker again.
     */
    private String ruleBehind(BreakerTransition t) {
        if (t.rule() != null) {
            openedBy.put(t.backendId(), t.rule());
            return t.rule();
        }
        return switch (t.to()) {
            case FORCED_OPEN -> {
                openedBy.remove(t.backendId());
                yield null;
            }
            case CLOSED, FORCED_CLOSED -> openedBy.remove(t.backendId());
            default -> openedBy.get(t.backendId());
        };
    }

    @Override
    public void onEvent(ProfileEvent event) {
        publish(EventNotifications.of(event));
    }

    /** A config was not applied: {@code source} says where it came from (the file, the control API). */
    public void configRefused(String source, List<String> problems) {
        publish(EventNotifications.configRefused(source, problems, clock.instant()));
    }

    /** An operator changed something through the control API (the audit record). */
    public void operatorAction(String who, String action, String target, String before, String after, long version) {
        publish(EventNotifications.operatorAction(who, action, target, before, after, version, clock.instant()));
    }

    /** Queues {@code n} for every target that subscribed to its kind; null is ignored. */
    public void publish(Notification n) {
        if (n == null) {
            return;
        }
        byte[] body = null;
        for (WebhookTarget target : targets.values()) {
            if (target.config().wants(n.kind())) {
                body = body != null ? body : CloudEvents.body(gatewayId, n);
                target.offer(n, body);
            }
        }
    }

    /**
     * Availability or config changed: whether a pool's active priority group moved is checked on our thread a moment
     * later, once for a burst of changes (an engine snapshot per change would cost a core during a flood of them).
     */
    private void queueFailoverCheck() {
        if (failoverCheckQueued.compareAndSet(false, true)) {
            thread.schedule(() -> {
                failoverCheckQueued.set(false);
                try {
                    failovers.check(engine.snapshot()).forEach(this::publish);
                } catch (RuntimeException e) {
                    LOG.error("failover check failed", e);
                }
            }, FAILOVER_CHECK_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ---- dead letters and stats ----

    /** {@code listener} hears of every dead letter, on the notifier's threads: it must hand over, not block. */
    public void onDeadLetter(Consumer<DeadLetter> listener) {
        deadLetterListeners.add(listener);
    }

    public void removeDeadLetterListener(Consumer<DeadLetter> listener) {
        deadLetterListeners.remove(listener);
    }

    /** From any thread (a full queue is noticed on the caller's): reported on the notifier's thread. */
    private void deadLetter(DeadLetter d) {
        thread.execute(() -> report(d));
    }

    /**
     * Logs a dead letter and tells the listeners, at most once per target per {@link #REPORT_INTERVAL}: a target that
     * is down while events pour in would otherwise flood the log and every console. /metrics counts them all.
     */
    private void report(DeadLetter d) {
        long now = clock.millis();
        long[] last = reported.computeIfAbsent(d.target(), t -> new long[] {Long.MIN_VALUE, 0});
        if (last[0] != Long.MIN_VALUE && now - last[0] < REPORT_INTERVAL.toMillis()) {
            last[1]++;
            return;
        }
        LOG.warn("webhook '{}': gave up event {} ({}) after {} attempt(s): {}{}{}", d.target(), d.eventId(), d.eventType(), d.attempts(),
                d.reason(), d.lastError() == null ? "" : ", last: " + d.lastError(),
                last[1] == 0 ? "" : " (and " + last[1] + " more since the last report)");
        last[0] = now;
        last[1] = 0;
        for (Consumer<DeadLetter> listener : deadLetterListeners) {
            try {
                listener.accept(d);
            } catch (RuntimeException e) {
                LOG.error("dead letter listener failed", e);
            }
        }
    }

    /** Every target's counters, in config order. */
    public List<TargetStats> stats() {
        List<TargetStats> stats = new ArrayList<>();
        targets.values().forEach(t -> stats.add(t.stats()));
        return stats;
    }

    @Override
    public void close() {
        apply(null);
        http.shutdownNow();
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

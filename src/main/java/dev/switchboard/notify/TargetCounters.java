package dev.switchboard.notify;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one webhook target name, kept by the {@link Notifier} for its whole life: a reload that changes a
 * target's settings replaces its {@link WebhookTarget} but not these, so {@code switchboard_notifications_*_total}
 * never go back (Prometheus' {@code increase()} would read a reset). A target removed from the config is no longer
 * exported, and one added again under the same name goes on from where it stopped, as backend counters do.
 */
final class TargetCounters {

    final LongAdder delivered = new LongAdder();
    final LongAdder queueFull = new LongAdder();
    final LongAdder retriesExhausted = new LongAdder();
}

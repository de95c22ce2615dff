package dev.switchboard.rehearsal;

import dev.switchboard.engine.Ticker;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The rehearsal's discrete-event scheduler and the engine's clock in one: time jumps to the next due event, so an
 * hour of traffic runs as fast as the events can be handled. Events due at the same instant run in the order they
 * were scheduled, which keeps runs deterministic. Single-threaded.
 */
final class VirtualTime implements Ticker {

    /** Wall time of the rehearsal's start, for event timestamps; only differences from it are reported. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Something that happens at a point of virtual time. */
    abstract static class Event implements Comparable<Event> {
        private long at;
        private long order;

        /** Runs the event; the clock reads its time. */
        abstract void fire();

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long scheduled;

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public Instant instant() {
        return START.plusNanos(now);
    }

    /** Schedules {@code event} at {@code atNanos} (never before now). */
    void at(long atNanos, Event event) {
        event.at = Math.max(atNanos, now);
        event.order = scheduled++;
        queue.add(event);
    }

    /** Takes a scheduled {@code event} out of the queue; linear in the queue's size, so for rare events only. */
    void cancel(Event event) {
        queue.remove(event);
    }

    /** True when no event is scheduled: nothing more happens in the run. */
    boolean idle() {
        return queue.isEmpty();
    }

    /** Runs events in time order until none is left or the next is after {@code endNanos}. */
    void runUntil(long endNanos) {
        Event next;
        while ((next = queue.peek()) != null && next.at <= endNanos) {
            queue.poll();
            now = next.at;
            next.fire();
        }
    }
}

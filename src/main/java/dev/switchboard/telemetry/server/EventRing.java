package dev.switchboard.telemetry.server;

import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's recent events, each numbered: ids grow by one per event from 1 within an epoch, the time this gateway
 * process started telemetry, and start again with a new epoch after a restart (they are not persisted). Snapshots carry
 * the newest few; {@code GET /api/events?since=<id>} any of those retained, so a console that was away fetches what it
 * missed. Written by the telemetry thread, read by the admin worker too.
 */
final class EventRing {

    /** Events kept for {@code /api/events}; a snapshot carries fewer (TelemetryLimits.recentEvents). */
    static final int RETAINED = 1000;

    /** An event with its id. */
    record Numbered(long id, TelemetryEvent event) {
    }

    /**
     * What {@link #since} found.
     *
     * @param complete      false when events after the asked id were already dropped: the console missed some for good
     * @param oldestEventId the oldest id still kept ({@code lastEventId + 1} while none is), so a console can count
     *                      what it missed: {@code oldestEventId - since - 1}
     * @param retained      how many events the gateway keeps at most
     */
    record Page(long epoch, long lastEventId, boolean complete, long oldestEventId, int retained, List<Numbered> events) {
    }

    private final long epoch;
    private final int capacity;
    private final ArrayDeque<Numbered> events = new ArrayDeque<>();
    private long lastId;

    EventRing(long epoch, int capacity) {
        this.epoch = epoch;
        this.capacity = capacity;
    }

    long epoch() {
        return epoch;
    }

    /** Numbers and keeps {@code event}, dropping the oldest beyond capacity; returns its id. */
    synchronized long add(TelemetryEvent event) {
        events.addLast(new Numbered(++lastId, event));
        while (events.size() > capacity) {
            events.removeFirst();
        }
        return lastId;
    }

    synchronized long lastId() {
        return lastId;
    }

    /** The newest {@code n} events, oldest first. */
    synchronized List<Numbered> newest(int n) {
        List<Numbered> all = new ArrayList<>(events);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /** The events after {@code id}, oldest first. */
    synchronized Page since(long id) {
        List<Numbered> after = events.stream().filter(e -> e.id() > id).toList();
        long oldest = events.isEmpty() ? lastId + 1 : events.peekFirst().id();
        return new Page(epoch, lastId, id >= oldest - 1, oldest, capacity, after);
    }
}

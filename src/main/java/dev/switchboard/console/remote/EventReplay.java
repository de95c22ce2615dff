package dev.switchboard.console.remote;

import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which of one gateway's events the console has shown, across reconnects, so what a snapshot's ring and a
 * catch-up fetch bring adds exactly what the console missed, and nothing twice. An event is the same event when its
 * epoch and id are (ids count from 1 again in a new epoch); an audit record when its time, who, action, target and
 * values before and after are, since a restarted gateway re-numbers its last audit records and the audit log has no
 * ids (two changes by one operator can fall in one millisecond: only their values tell them apart); an event of a
 * gateway that does not number events when every field is.
 */
final class EventReplay {

    /** More than a catch-up brings from the ring (1,000) and as many as the Events log keeps. */
    static final int REMEMBERED = 5_000;

    private final Set<Object> seen = new LinkedHashSet<>();

    /** True the first time {@code event} ({@code eventId} 0 when not numbered) is offered; false when already shown. */
    synchronized boolean firstSight(long epoch, long eventId, TelemetryEvent event) {
        Object key = key(epoch, eventId, event);
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > REMEMBERED) {
            Iterator<Object> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private static Object key(long epoch, long eventId, TelemetryEvent event) {
        if (event instanceof TelemetryEvent.OperatorAction o) {
            return Arrays.asList("audit", o.ts(), o.who(), o.action(), o.target(), o.before(), o.after());
        }
        return epoch != 0 && eventId > 0 ? List.of(epoch, eventId) : event;
    }
}

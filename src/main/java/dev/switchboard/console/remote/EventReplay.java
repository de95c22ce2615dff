package dev.switchboard.console.remote;

import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which of one gateway's events the console has shown, across reconnects, so the recent-events ring that
 * every snapshot carries (with the gateway's last audit records, also from before its restart) adds exactly what
 * the console missed while it was away, and nothing twice. Audit records are the same record when their time, who,
 * action and target are; other events when every field is.
 */
final class EventReplay {

    /** Far more than one ring holds (200), so a replayed ring never finds its own events forgotten. */
    static final int REMEMBERED = 2_000;

    private final Set<Object> seen = new LinkedHashSet<>();
    private List<TelemetryEvent> lastRing = List.of();

    /** An event as it happened; false when it was already shown. */
    synchronized boolean firstSight(TelemetryEvent event) {
        return remember(key(event));
    }

    /** The events of {@code model}'s ring not shown yet, oldest first. */
    synchronized List<TelemetryEvent> missed(GatewayModel model) {
        // Stats and state messages keep the same ring instance: nothing to scan.
        if (model.events() == lastRing) {
            return List.of();
        }
        lastRing = model.events();
        return model.events().stream().filter(e -> remember(key(e))).toList();
    }

    private boolean remember(Object key) {
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

    private static Object key(TelemetryEvent event) {
        return event instanceof TelemetryEvent.OperatorAction o
                ? List.of("audit", o.ts(), o.who(), o.action(), o.target()) : event;
    }
}

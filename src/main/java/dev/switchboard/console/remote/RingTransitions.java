package dev.switchboard.console.remote;

import dev.switchboard.console.feed.StateTransition;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.List;

/** The breaker and availability changes in a snapshot's event ring, for seeding the console's timeline. */
final class RingTransitions {

    private RingTransitions() {
    }

    static List<StateTransition> of(List<TelemetryEvent> ring) {
        return ring.stream().<StateTransition>mapMulti((e, out) -> {
            switch (e) {
                case TelemetryEvent.Breaker b ->
                        out.accept(new StateTransition(b.backendId(), b.ts(), true, b.from(), b.to(), b.reason()));
                case TelemetryEvent.Availability a ->
                        out.accept(new StateTransition(a.backendId(), a.ts(), false, a.from(), a.to(), a.reason()));
                default -> {
                }
            }
        }).toList();
    }
}

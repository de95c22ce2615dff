package dev.switchboard.console.embedded;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.AvailabilityChange;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.StateChange;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.util.Optional;

/** Translates engine events into event-log entries. */
final class EngineEvents {

    private static final String CONFIG_APPLIED = "config applied";

    private EngineEvents() {
    }

    static Optional<ConsoleEvent> toConsole(String gatewayId, EngineEvent event) {
        return Optional.ofNullable(switch (event) {
            case BreakerTransition t -> new ConsoleEvent(t.at(), gatewayId, t.backendId(), EventKind.BREAKER,
                    t.to() == BreakerState.OPEN || t.to() == BreakerState.FORCED_OPEN, "breaker " + t.from() + " -> " + t.to() + ": " + t.reason());
            case AvailabilityChange a -> new ConsoleEvent(a.at(), gatewayId, a.backendId(),
                    a.from() == Availability.UNHEALTHY || a.to() == Availability.UNHEALTHY
                            ? EventKind.PROBE : EventKind.AVAILABILITY, false,
                    a.from() + " -> " + a.to() + ": " + a.reason());
            case StateChange c -> new ConsoleEvent(c.at(), gatewayId, "",
                    c.what().equals(CONFIG_APPLIED) ? EventKind.CONFIG : EventKind.OPERATOR, false,
                    c.what() + " (version " + c.version() + ")");
            default -> null;
        });
    }
}

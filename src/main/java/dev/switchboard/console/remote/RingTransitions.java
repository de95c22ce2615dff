package dev.switchboard.console.remote;

import dev.switchboard.console.feed.StateTransition;
import dev.switchboard.console.feed.StateTransition.Kind;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.List;

/**
 * The breaker, availability and admin-state changes in a snapshot's event ring, for seeding the console's timeline.
 * Admin changes come from the operators' audit records in the ring: {@code setAdminState}, {@code clearOverride} of an
 * admin state (its {@code after} reads "adminState ENABLED (config)") and {@code clearOverrides}, which names no
 * backend and leaves each with what its config says.
 */
final class RingTransitions {

    private static final String ADMIN_OVERRIDE = "adminState ";

    private RingTransitions() {
    }

    static List<StateTransition> of(List<TelemetryEvent> ring) {
        return ring.stream().<StateTransition>mapMulti((e, out) -> {
            switch (e) {
                case TelemetryEvent.Breaker b ->
                        out.accept(new StateTransition(b.backendId(), b.ts(), Kind.BREAKER, b.from(), b.to(), b.reason()));
                case TelemetryEvent.Availability a ->
                        out.accept(new StateTransition(a.backendId(), a.ts(), Kind.AVAILABILITY, a.from(), a.to(), a.reason()));
                case TelemetryEvent.OperatorAction o -> {
                    StateTransition admin = admin(o);
                    if (admin != null) {
                        out.accept(admin);
                    }
                }
                default -> {
                }
            }
        }).toList();
    }

    private static StateTransition admin(TelemetryEvent.OperatorAction o) {
        String reason = o.who() + ": " + o.action() + " " + o.target();
        return switch (o.action()) {
            case "setAdminState" -> new StateTransition(o.target(), o.ts(), Kind.ADMIN, o.before(), o.after(), reason);
            case "clearOverride" -> o.after() != null && o.after().startsWith(ADMIN_OVERRIDE)
                    ? new StateTransition(o.target(), o.ts(), Kind.ADMIN, adminState(o.before()), adminState(o.after()), reason)
                    : null;
            case "clearOverrides" -> new StateTransition("", o.ts(), Kind.ADMIN, null, null, reason);
            default -> null;
        };
    }

    /** "adminState DISABLED" or "adminState ENABLED (config)" to its state's name; null when absent. */
    private static String adminState(String value) {
        if (value == null || !value.startsWith(ADMIN_OVERRIDE)) {
            return null;
        }
        String rest = value.substring(ADMIN_OVERRIDE.length()).strip();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }
}

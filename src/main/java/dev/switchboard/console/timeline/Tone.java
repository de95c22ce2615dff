package dev.switchboard.console.timeline;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;

/**
 * The timeline's colours by meaning, shared by its three bands so one legend explains them all: green serves,
 * amber is on trial, red is down, and so on. The names match the state chips' palette.
 */
public enum Tone {
    SERVING("closed / available / enabled", "#3a9d5d"),
    TRIAL("half-open / slow start", "#f0a30a"),
    DOWN("open / unavailable / unhealthy", "#d64541"),
    FORCED_OPEN("forced open", "#7b1fa2"),
    STEERED("forced closed / draining / drain", "#1e88e5"),
    OFF("maintenance / disabled", "#757575"),
    NO_DATA("no data: stale or disconnected", "#9e9e9e");

    private final String legend;
    private final String colour;

    Tone(String legend, String colour) {
        this.legend = legend;
        this.colour = colour;
    }

    public String legend() {
        return legend;
    }

    /** CSS colour, e.g. {@code #3a9d5d}. */
    public String colour() {
        return colour;
    }

    /** The tone of a breaker, availability or admin state; a null state is a gap. */
    public static Tone of(Enum<?> state) {
        return switch (state) {
            case null -> NO_DATA;
            case BreakerState b -> switch (b) {
                case CLOSED -> SERVING;
                case HALF_OPEN -> TRIAL;
                case OPEN -> DOWN;
                case FORCED_OPEN -> FORCED_OPEN;
                case FORCED_CLOSED -> STEERED;
            };
            case Availability a -> switch (a) {
                case AVAILABLE -> SERVING;
                case SLOW_START, HALF_OPEN -> TRIAL;
                case UNAVAILABLE_BREAKER, UNHEALTHY -> DOWN;
                case UNAVAILABLE_FORCED -> FORCED_OPEN;
                case DRAINING -> STEERED;
                case DISABLED, MAINTENANCE -> OFF;
            };
            case AdminState s -> switch (s) {
                case ENABLED -> SERVING;
                case DRAIN -> STEERED;
                case MAINTENANCE, DISABLED -> OFF;
            };
            default -> throw new IllegalArgumentException("no timeline tone for " + state);
        };
    }
}

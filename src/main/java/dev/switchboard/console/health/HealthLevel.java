package dev.switchboard.console.health;

import java.util.Locale;

/** A backend's health colour, Hystrix style, worst last; IDLE is "nothing to judge" (no traffic, switched off). */
public enum HealthLevel {
    IDLE, GREEN, YELLOW, ORANGE, RED;

    /** The style class a view gives it, e.g. {@code health-red}. */
    public String styleClass() {
        return "health-" + name().toLowerCase(Locale.ROOT);
    }

    /** Worth an operator's look: yellow or worse. */
    public boolean problem() {
        return compareTo(YELLOW) >= 0;
    }
}

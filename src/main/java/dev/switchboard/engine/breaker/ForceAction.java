package dev.switchboard.engine.breaker;

/** Operator actions on a breaker: force it open or closed until the next action, or reset it to a clean CLOSED. */
public enum ForceAction {
    OPEN,
    CLOSED,
    RESET
}

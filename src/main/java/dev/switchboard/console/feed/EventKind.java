package dev.switchboard.console.feed;

/** What the event log can filter on. */
public enum EventKind {
    BREAKER,
    FAILOVER,
    AVAILABILITY,
    PROBE,
    OPERATOR,
    CONFIG,
    CONNECTION
}

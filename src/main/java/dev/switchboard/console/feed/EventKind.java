package dev.switchboard.console.feed;

/** What the event log can filter on. */
public enum EventKind {
    BREAKER,
    FAILOVER,
    AVAILABILITY,
    PROBE,
    OPERATOR,
    CONFIG,
    /** A traffic-profile endpoint's monitor status changed. */
    DNS_MONITOR,
    /** What a traffic profile answers changed (resolvers may keep the old answer for the TTL). */
    DNS_ANSWER,
    CONNECTION,
    /** A webhook target did not get an event (a dead letter). */
    NOTIFICATION
}

package dev.switchboard.engine;

/** Operator state of a backend, kept in the runtime overlay. */
public enum AdminState {
    /** Normal operation. */
    ENABLED,
    /** No new picks; affinity keys that map to it keep going to it while it is available (HAProxy drain). */
    DRAIN,
    /** Out of service for maintenance: no traffic at all. */
    MAINTENANCE,
    /** Switched off: no traffic at all, not even in panic mode. */
    DISABLED
}

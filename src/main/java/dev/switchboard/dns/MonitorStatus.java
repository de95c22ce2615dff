package dev.switchboard.dns;

/** Traffic Manager's endpoint monitor status (Inactive, for nested profiles, is not modelled). */
public enum MonitorStatus {
    /** Enabled and monitored, no probe result yet; answered like ONLINE, as Traffic Manager does. */
    CHECKING,
    /** The last probes succeeded (or failed fewer times in a row than tolerated), or the profile has no monitor. */
    ONLINE,
    /** More consecutive failed probes than tolerated; answered only when every endpoint is degraded. */
    DEGRADED,
    /** Disabled in the config or by an operator: never answered, not probed. */
    DISABLED,
    /** The profile is disabled: it answers NXDOMAIN and probes nothing. */
    STOPPED;

    /** Whether an endpoint in this status takes part in answers while another endpoint is not degraded. */
    public boolean serves() {
        return this == CHECKING || this == ONLINE;
    }
}

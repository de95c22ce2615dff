package dev.switchboard.telemetry.client;

/** Where a {@link TelemetryClient}'s connection stands; a console shows each differently. */
public enum ConnectionState {
    /** Opening the connection (first time or after a loss), no snapshot yet. */
    CONNECTING,
    /** Snapshot received and backend traffic seen since connecting. */
    LIVE,
    /** Connected and receiving stats, but no backend has had a request since connecting: idle, not broken. */
    LIVE_IDLE,
    /** Connected, but nothing arrived for longer than the stale limit; the model may be out of date. */
    STALE,
    /** Not connected; the status carries the reason, and a reconnect is scheduled unless the client was closed. */
    DISCONNECTED
}

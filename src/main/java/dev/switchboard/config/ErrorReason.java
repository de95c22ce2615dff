package dev.switchboard.config;

/**
 * Transport failures that breaker rules and retry policies can match, by their names in config
 * ({@code errorReasons: ["BackendConnectionFailure", "Timeout"]}).
 */
public enum ErrorReason {
    /** Connect refused, unreachable, name not resolved, or TLS handshake failed: no request reached the backend. */
    BackendConnectionFailure,
    /** The connection was reset or closed before a complete response arrived. */
    ConnectionReset,
    /** Connect, per-try or total deadline passed. */
    Timeout,
    /** The backend answered with something that is not valid HTTP. */
    InvalidResponse
}

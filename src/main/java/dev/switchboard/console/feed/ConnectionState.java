package dev.switchboard.console.feed;

/** How the console is connected to a gateway; LIVE_IDLE tells "connected, no traffic" apart from DISCONNECTED. */
public enum ConnectionState {
    CONNECTING,
    LIVE,
    LIVE_IDLE,
    STALE,
    DISCONNECTED
}

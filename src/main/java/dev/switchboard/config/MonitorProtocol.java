package dev.switchboard.config;

/** How a traffic profile's monitor checks an endpoint, spelled as in Traffic Manager. */
public enum MonitorProtocol {
    HTTP(80),
    HTTPS(443),
    /** A TCP connect that completes within the timeout counts as a success. */
    TCP(0);

    private final int defaultPort;

    MonitorProtocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port probed when the monitor names none; 0 for TCP, whose port is required. */
    public int defaultPort() {
        return defaultPort;
    }

    public boolean isHttp() {
        return this != TCP;
    }
}

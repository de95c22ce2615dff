package dev.switchboard.console.feed;

import java.time.Duration;

/**
 * How a traffic profile probes its endpoints.
 *
 * @param path null for TCP
 */
public record MonitorFrame(String protocol, int port, String path, Duration interval, Duration timeout,
                           int toleratedFailures) {
}

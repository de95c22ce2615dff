package dev.switchboard.dns;

import dev.switchboard.config.EndpointMonitorConfig;

/**
 * One probe the monitor wants run now; hand its result to {@link TrafficProfiles#report}.
 *
 * @param profile  the profile's name
 * @param endpoint the endpoint's name
 * @param target   address or host name to probe
 * @param monitor    protocol, port, path, timeout and expected statuses
 * @param generation which monitor state of the endpoint asked: a result for an older one (the endpoint was re-enabled
 *                   or its config changed meanwhile) is ignored
 */
public record ProbeTask(String profile, String endpoint, String target, EndpointMonitorConfig monitor, long generation) {
}

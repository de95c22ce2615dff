package dev.switchboard.config;

/**
 * One endpoint of a traffic profile.
 *
 * @param name     unique within the profile; what operators and the console call it
 * @param target   an IPv4 or IPv6 address (answered as A / AAAA) or a host name (answered as CNAME)
 * @param priority 1-1000, 1 is best; defaults to the endpoint's position in the list, as in Traffic Manager
 * @param weight   1-1000, for weighted routing
 * @param enabled  a disabled endpoint is never answered and not monitored
 * @param region   for geographic routing: a region of the profile's {@code regions}, or {@code world}; else null
 */
public record TrafficEndpoint(String name, String target, int priority, int weight, boolean enabled, String region) {
}

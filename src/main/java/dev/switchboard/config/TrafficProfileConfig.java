package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Traffic Manager profile: a DNS name whose answer follows the health of its endpoints.
 *
 * @param name      the DNS name answered, inside the {@code dns.zone}
 * @param enabled   a disabled profile answers NXDOMAIN and stops its monitor (Traffic Manager's profile status)
 * @param ttl       TTL of the answer in seconds, 0 to 2^31-1
 * @param routing   how the answer is chosen among online endpoints
 * @param endpoints in file order
 * @param monitor   how endpoints are checked; null means every enabled endpoint counts as online
 * @param regions   geographic routing: region name to the client subnets (CIDR) it covers; empty otherwise
 * @param maxReturn multivalue routing: at most this many addresses per answer; null for all
 */
public record TrafficProfileConfig(String name, boolean enabled, long ttl, RoutingMethod routing, List<TrafficEndpoint> endpoints,
                                   EndpointMonitorConfig monitor, Map<String, List<String>> regions, Integer maxReturn) {

    /** The catch-all region of geographic routing: clients in no listed subnet. */
    public static final String WORLD = "world";

    public TrafficProfileConfig {
        endpoints = List.copyOf(endpoints);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        regions.forEach((region, subnets) -> copy.put(region, List.copyOf(subnets)));
        regions = Collections.unmodifiableMap(copy);
    }

    /** This profile probing {@code port} instead (the demo's simulators listen on free ports). */
    public TrafficProfileConfig withMonitorPort(int port) {
        EndpointMonitorConfig m = monitor;
        return m == null ? this : new TrafficProfileConfig(name, enabled, ttl, routing, endpoints, new EndpointMonitorConfig(m.protocol(), port,
                m.path(), m.interval(), m.timeout(), m.toleratedFailures(), m.expectedStatusCodeRanges()), regions, maxReturn);
    }

    /** The endpoint with this name, or null. */
    public TrafficEndpoint endpoint(String endpointName) {
        return endpoints.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElse(null);
    }
}

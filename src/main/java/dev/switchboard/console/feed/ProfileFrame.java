package dev.switchboard.console.feed;

import dev.switchboard.config.RoutingMethod;
import java.time.Instant;
import java.util.List;

/**
 * One DNS traffic profile as a gateway reported it (docs/dns.md).
 *
 * @param ttl             seconds resolvers may cache an answer
 * @param exists          false when the name answers NXDOMAIN
 * @param answer          every target a query may get now
 * @param answerChangedAt when the answer last changed: resolvers may serve the previous one until this plus the TTL
 * @param failedOverTo    the endpoint an operator promoted to the best priority, or null
 * @param monitor         null when the profile has no monitor (no automatic failover)
 * @param endpoints       in config order (the tie-break of equal priorities)
 */
public record ProfileFrame(String name, boolean enabled, long ttl, RoutingMethod routing, boolean exists,
                           List<String> answer, Instant answerChangedAt, String failedOverTo, MonitorFrame monitor,
                           List<EndpointFrame> endpoints) {

    public ProfileFrame {
        answer = List.copyOf(answer);
        endpoints = List.copyOf(endpoints);
    }
}

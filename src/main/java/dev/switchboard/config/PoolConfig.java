package dev.switchboard.config;

import java.util.List;

/**
 * APIM's {@code pool}: members with weight and priority, plus our extensions.
 *
 * @param services               members, in file order
 * @param sessionAffinity        sticky sessions; null for none
 * @param whenAllUnavailable     what a request gets when no member can take it
 * @param overprovisioningFactor Envoy-style gradual spill between priority groups (e.g. 1.4); null = strict
 *                               APIM priority (a lower group only when every higher one is unavailable)
 * @param balancer               how picks spread within a priority group
 * @param spillWhenSlow          let the next priority group take load while the top one is slow; null = off
 */
public record PoolConfig(
        List<PoolMember> services,
        SessionAffinityConfig sessionAffinity,
        WhenAllUnavailable whenAllUnavailable,
        Double overprovisioningFactor,
        Balancer balancer,
        SpillWhenSlow spillWhenSlow) {

    public PoolConfig {
        services = List.copyOf(services);
    }

    /** A pool with today's defaults: weighted, no spill when slow. */
    public PoolConfig(List<PoolMember> services, SessionAffinityConfig sessionAffinity, WhenAllUnavailable whenAllUnavailable,
                      Double overprovisioningFactor) {
        this(services, sessionAffinity, whenAllUnavailable, overprovisioningFactor, Balancer.WEIGHTED, null);
    }
}

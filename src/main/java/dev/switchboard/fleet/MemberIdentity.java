package dev.switchboard.fleet;

import java.time.Duration;
import java.time.Instant;

/**
 * Who a fleet gateway is.
 *
 * @param id        unique in the fleet ({@code --id})
 * @param region    {@code --region}, or null to keep the config's {@code gateway.region}
 * @param adminUrl  where consoles reach its telemetry, or null without an admin listener
 * @param startedAt when the process started
 * @param leaseTtl  how long its registration outlives it (etcd rounds up to whole seconds, at least its own minimum)
 */
public record MemberIdentity(String id, String region, String adminUrl, Instant startedAt, Duration leaseTtl) {

    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);
}

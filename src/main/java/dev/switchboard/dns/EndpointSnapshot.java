package dev.switchboard.dns;

import java.time.Instant;

/**
 * One endpoint as it is now.
 *
 * @param priority          as configured (1 is best)
 * @param effectivePriority 0 while an operator has failed over to it, else {@code priority}
 * @param enabled           after operator overrides
 * @param operatorOverride  true when an operator's enable or disable differs from the config
 * @param status            monitor status
 * @param reason            why it has that status
 * @param failures          failed probes in a row
 * @param lastProbe         when the last probe ended; null before the first or without a monitor
 * @param inAnswer          whether some query may get this endpoint now
 */
public record EndpointSnapshot(String name, String target, int priority, int effectivePriority, int weight, String region,
                               boolean enabled, boolean operatorOverride, MonitorStatus status, String reason, int failures,
                               Instant lastProbe, boolean inAnswer) {
}

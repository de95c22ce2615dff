package dev.switchboard.console.feed;

import dev.switchboard.dns.MonitorStatus;

/**
 * One endpoint of a traffic profile.
 *
 * @param priority          as configured (1 is best)
 * @param effectivePriority 0 while an operator has failed over to it, else {@code priority}
 * @param region            geographic routing's region; null otherwise
 * @param enabled           after operator overrides
 * @param operatorOverride  an operator's enable or disable differs from the config
 * @param inAnswer          some query may get this endpoint now
 */
public record EndpointFrame(String name, String target, int priority, int effectivePriority, int weight, String region,
                            boolean enabled, boolean operatorOverride, MonitorStatus status, String reason,
                            int failures, boolean inAnswer) {
}

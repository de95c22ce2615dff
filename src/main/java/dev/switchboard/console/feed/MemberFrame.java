package dev.switchboard.console.feed;

import dev.switchboard.engine.Availability;
import java.time.Duration;

/**
 * One pool member: weight and priority after runtime overrides, and its availability in the pool.
 *
 * @param timeout the tightest deadline an attempt against this backend gets (its routes' per-try or total timeout,
 *                directly or through a pool); null when not known
 */
public record MemberFrame(String backendId, int weight, int priority, Availability availability, String reason,
                          Duration timeout) {

    /** A member whose timeout is not known. */
    public MemberFrame(String backendId, int weight, int priority, Availability availability, String reason) {
        this(backendId, weight, priority, availability, reason, null);
    }
}

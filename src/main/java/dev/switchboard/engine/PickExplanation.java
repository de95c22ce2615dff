package dev.switchboard.engine;

import dev.switchboard.engine.breaker.BreakerState;
import java.util.List;

/**
 * How one pick went, for access logs and decision traces: the target's members as the pick saw them, which one
 * it chose and why. Made on request by {@link Engine#explain}, never by the pick itself (which stays allocation-free).
 *
 * @param targetId   the pool or single backend picked from
 * @param chosen     the backend picked; null when none was available
 * @param why        the rule that chose it: single backend, affinity, balanced by priority, retry to an untried
 *                   member, panic, or none available
 * @param candidates every member with its availability and breaker state
 */
public record PickExplanation(String targetId, String chosen, String why, List<Candidate> candidates) {

    public PickExplanation {
        candidates = List.copyOf(candidates);
    }

    /**
     * One member of the target.
     *
     * @param reason human explanation of its availability (breaker open, probe failing, drained...)
     */
    public record Candidate(String backendId, Availability availability, String reason, BreakerState breaker, int priority) {

        /** New picks pass it by (affinity may still reach a draining member). */
        public boolean skipped() {
            return !availability.pickable();
        }
    }
}

package dev.switchboard.engine.breaker;

import dev.switchboard.engine.EngineEvent;
import java.time.Instant;
import java.util.List;

/**
 * One breaker state change.
 *
 * @param backendId the backend whose breaker changed
 * @param from      state before
 * @param to        state after
 * @param rule      the rule that caused it; null for operator actions and trip ends
 * @param reason    human explanation, e.g. "rule 'gw': 3 failures in PT15S (503 x3); open for PT30S"
 * @param counters  every rule's window at the time of the change
 * @param at        wall-clock time of the change
 */
public record BreakerTransition(String backendId, BreakerState from, BreakerState to, String rule, String reason,
                                List<RuleCounters> counters, Instant at) implements EngineEvent {

    public BreakerTransition {
        counters = List.copyOf(counters);
    }
}

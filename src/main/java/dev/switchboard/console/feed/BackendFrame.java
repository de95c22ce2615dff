package dev.switchboard.console.feed;

import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.RuleCounters;
import java.time.Duration;
import java.util.List;

/**
 * One single backend as a gateway reported it.
 *
 * @param openRemaining time left in OPEN; null unless OPEN
 */
public record BackendFrame(String id, AdminState adminState, Availability availability, String reason,
                           BreakerState breaker, Duration openRemaining, List<RuleCounters> rules) {

    public BackendFrame {
        rules = List.copyOf(rules);
    }
}

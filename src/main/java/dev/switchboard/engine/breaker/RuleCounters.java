package dev.switchboard.engine.breaker;

import java.time.Duration;

/** What one rule's sliding window holds right now. */
public record RuleCounters(String rule, long failures, long requests, Duration interval) {
}

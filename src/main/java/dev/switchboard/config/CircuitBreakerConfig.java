package dev.switchboard.config;

import java.util.List;

/** APIM's {@code circuitBreaker}: several rules are allowed here (APIM allows one); any rule can trip. */
public record CircuitBreakerConfig(List<BreakerRule> rules) {

    public CircuitBreakerConfig {
        rules = List.copyOf(rules);
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.CircuitBreakerConfig;
import java.util.List;

/** {@code circuitBreaker: {rules: [...]}}; at least one rule, since an empty breaker never trips. */
final class CircuitBreakerBinder implements Binder<CircuitBreakerConfig> {

    @Override
    public List<String> fields() {
        return List.of("rules");
    }

    @Override
    public CircuitBreakerConfig bind(FieldReader in) {
        return new CircuitBreakerConfig(in.requiredObjects("rules", new BreakerRuleBinder()));
    }
}

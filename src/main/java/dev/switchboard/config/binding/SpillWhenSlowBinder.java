package dev.switchboard.config.binding;

import dev.switchboard.config.SpillWhenSlow;
import java.util.List;

/** {@code spillWhenSlow: {latency}}; the threshold is required and positive. */
final class SpillWhenSlowBinder implements Binder<SpillWhenSlow> {

    @Override
    public List<String> fields() {
        return List.of("latency");
    }

    @Override
    public SpillWhenSlow bind(FieldReader in) {
        return new SpillWhenSlow(in.requiredPositiveDuration("latency"));
    }
}

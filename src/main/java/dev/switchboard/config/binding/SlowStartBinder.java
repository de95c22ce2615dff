package dev.switchboard.config.binding;

import dev.switchboard.config.SlowStartConfig;
import java.util.List;

/** {@code slowStart: {duration, minWeightPercent}}; the ramp length is required, the floor defaults to 10%. */
final class SlowStartBinder implements Binder<SlowStartConfig> {

    @Override
    public List<String> fields() {
        return List.of("duration", "minWeightPercent");
    }

    @Override
    public SlowStartConfig bind(FieldReader in) {
        return new SlowStartConfig(in.requiredPositiveDuration("duration"),
                in.integer("minWeightPercent", 1, 100, SlowStartConfig.DEFAULT_MIN_WEIGHT_PERCENT));
    }
}

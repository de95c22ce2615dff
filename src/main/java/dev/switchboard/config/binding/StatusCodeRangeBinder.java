package dev.switchboard.config.binding;

import dev.switchboard.config.StatusCodeRange;
import java.util.List;

/** {@code {"min": 500, "max": 599}}: HTTP statuses 100-599, min not above max. */
final class StatusCodeRangeBinder implements Binder<StatusCodeRange> {

    @Override
    public List<String> fields() {
        return List.of("min", "max");
    }

    @Override
    public StatusCodeRange bind(FieldReader in) {
        Integer min = in.requiredInteger("min", 100, 599);
        Integer max = in.requiredInteger("max", 100, 599);
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            in.problem("min", "min " + min + " is greater than max " + max);
            return null;
        }
        return new StatusCodeRange(min, max);
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.TimeoutsConfig;
import java.time.Duration;
import java.util.List;

/** An API's {@code timeouts}; each absent deadline takes its value from {@link TimeoutsConfig#DEFAULTS}. */
final class TimeoutsBinder implements Binder<TimeoutsConfig> {

    @Override
    public List<String> fields() {
        return List.of("connect", "perTry", "total");
    }

    @Override
    public TimeoutsConfig bind(FieldReader in) {
        TimeoutsConfig defaults = TimeoutsConfig.DEFAULTS;
        Duration connect = orElse(in.positiveDuration("connect"), defaults.connect());
        Duration perTry = orElse(in.positiveDuration("perTry"), defaults.perTry());
        Duration total = orElse(in.positiveDuration("total"), defaults.total());
        if (perTry.compareTo(total) > 0) {
            in.problem("perTry", "per-try timeout " + perTry + " is longer than the total timeout " + total);
        }
        return new TimeoutsConfig(connect, perTry, total);
    }

    private static Duration orElse(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.StatusCodeRange;
import java.time.Duration;
import java.util.List;

/** Active health probe; every field is optional (see the DEFAULT_ constants and docs/config.md). */
final class HealthProbeBinder implements Binder<HealthProbeConfig> {

    static final String DEFAULT_PATH = "/";
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final int DEFAULT_HEALTHY_THRESHOLD = 2;
    static final int DEFAULT_UNHEALTHY_THRESHOLD = 3;
    static final List<StatusCodeRange> DEFAULT_EXPECTED = List.of(new StatusCodeRange(200, 399));

    @Override
    public List<String> fields() {
        return List.of("path", "interval", "timeout", "healthyThreshold", "unhealthyThreshold",
                "expectedStatusCodeRanges");
    }

    @Override
    public HealthProbeConfig bind(FieldReader in) {
        String path = in.string("path");
        if (path != null && !path.startsWith("/")) {
            in.problem("path", "must start with \"/\", found \"" + path + "\"");
        }
        Duration interval = in.positiveDuration("interval");
        Duration timeout = in.positiveDuration("timeout");
        Duration effectiveInterval = interval == null ? DEFAULT_INTERVAL : interval;
        Duration effectiveTimeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (effectiveTimeout.compareTo(effectiveInterval) >= 0) {
            in.problem("timeout", "probe timeout " + effectiveTimeout + " must be shorter than the interval "
                    + effectiveInterval);
        }
        List<StatusCodeRange> expected = in.objects("expectedStatusCodeRanges", new StatusCodeRangeBinder());
        return new HealthProbeConfig(path == null ? DEFAULT_PATH : path, effectiveInterval, effectiveTimeout,
                in.integer("healthyThreshold", 1, 100, DEFAULT_HEALTHY_THRESHOLD),
                in.integer("unhealthyThreshold", 1, 100, DEFAULT_UNHEALTHY_THRESHOLD),
                in.has("expectedStatusCodeRanges") ? expected : DEFAULT_EXPECTED);
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.EndpointMonitorConfig;
import dev.switchboard.config.MonitorProtocol;
import dev.switchboard.config.StatusCodeRange;
import java.time.Duration;
import java.util.List;

/**
 * A traffic profile's {@code monitor}, with Traffic Manager's defaults: HTTP on port 80 (443 for HTTPS), path "/",
 * every 30 s, 3 tolerated failures, status 200 expected. The timeout defaults to 10 s, or half the interval when
 * that is shorter, so a short interval alone is valid.
 */
final class EndpointMonitorBinder implements Binder<EndpointMonitorConfig> {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_TOLERATED_FAILURES = 3;
    static final List<StatusCodeRange> DEFAULT_EXPECTED = List.of(new StatusCodeRange(200, 200));

    @Override
    public List<String> fields() {
        return List.of("protocol", "port", "path", "interval", "timeout", "toleratedFailures", "expectedStatusCodeRanges");
    }

    @Override
    public EndpointMonitorConfig bind(FieldReader in) {
        MonitorProtocol protocol = in.choice("protocol", List.of(MonitorProtocol.values()), Enum::name);
        MonitorProtocol effective = protocol == null ? MonitorProtocol.HTTP : protocol;
        Integer port = effective.isHttp() ? in.integer("port", 1, 65535) : in.requiredInteger("port", 1, 65535);
        String path = in.string("path");
        List<StatusCodeRange> expected = in.objects("expectedStatusCodeRanges", new StatusCodeRangeBinder());
        if (!effective.isHttp()) {
            httpOnly(in, "path");
            httpOnly(in, "expectedStatusCodeRanges");
        } else if (path != null && !path.startsWith("/")) {
            in.problem("path", "must start with \"/\", found \"" + path + "\"");
        }
        Duration interval = in.positiveDuration("interval");
        Duration timeout = in.positiveDuration("timeout");
        Duration effectiveInterval = interval == null ? DEFAULT_INTERVAL : interval;
        Duration half = effectiveInterval.dividedBy(2);
        Duration effectiveTimeout = timeout != null ? timeout : DEFAULT_TIMEOUT.compareTo(half) < 0 ? DEFAULT_TIMEOUT : half;
        if (effectiveTimeout.compareTo(effectiveInterval) >= 0) {
            in.problem("timeout", "monitor timeout " + effectiveTimeout + " must be shorter than the interval " + effectiveInterval);
        }
        return new EndpointMonitorConfig(effective, port == null ? effective.defaultPort() : port,
                effective.isHttp() ? path == null ? "/" : path : null, effectiveInterval, effectiveTimeout,
                in.integer("toleratedFailures", 0, 9, DEFAULT_TOLERATED_FAILURES),
                !effective.isHttp() ? List.of() : in.has("expectedStatusCodeRanges") ? expected : DEFAULT_EXPECTED);
    }

    private static void httpOnly(FieldReader in, String field) {
        if (in.has(field)) {
            in.problem(field, "applies to HTTP and HTTPS monitors only");
        }
    }
}

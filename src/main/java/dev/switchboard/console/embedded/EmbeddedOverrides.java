package dev.switchboard.console.embedded;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.engine.RuntimeOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process gateway's runtime overrides as frames. It has no audit log, so who and when are what this console
 * itself set (the console is the only operator of an embedded gateway); an override with another value is unknown.
 */
final class EmbeddedOverrides {

    /** When each value was set, by {@code entry=value} ("weight orders/b=50"). */
    private final Map<String, Instant> setAt = new ConcurrentHashMap<>();

    void recordSet(RuntimeOverrides.Kind kind, String poolId, String backendId, String value) {
        setAt.put(key(new RuntimeOverrides.Entry(kind, poolId, backendId, value)), Instant.now());
    }

    /** {@code overrides} over {@code config}, the values they shadow. */
    List<OverrideFrame> of(RuntimeOverrides overrides, GatewayConfig config) {
        return overrides.entries().stream().map(e -> {
            Instant at = setAt.get(key(e));
            return new OverrideFrame(e.kind().jsonName(), e.poolId(), e.backendId(), e.value(),
                    RuntimeOverrides.configValue(e, config), at == null ? null : EmbeddedGatewayControl.OPERATOR, at);
        }).toList();
    }

    private static String key(RuntimeOverrides.Entry e) {
        return e + "=" + e.value();
    }
}

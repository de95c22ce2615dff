package dev.switchboard.telemetry.server;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.RuntimeOverrides;
import dev.switchboard.engine.RuntimeOverrides.Entry;
import dev.switchboard.telemetry.protocol.GatewayState.OverrideView;
import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime overrides as consoles see them: each with the config value it shadows and who set it when. Who and when
 * come from the audit log (read at start, then every applied change), because the overrides file keeps values only.
 * Written by the control thread, read by the telemetry thread.
 */
final class OverrideViews {

    /** The latest audit record of each set command, by {@code action target} ("setWeight pool/b"). */
    private final Map<String, OperatorAction> lastSet = new ConcurrentHashMap<>();

    /** Remembers {@code record} if it set an override. */
    void record(OperatorAction record) {
        if (Arrays.stream(RuntimeOverrides.Kind.values()).anyMatch(k -> action(k).equals(record.action()))) {
            lastSet.put(record.action() + " " + record.target(), record);
        }
    }

    /** {@code overrides} as views over {@code config}, the file's values they shadow. */
    List<OverrideView> of(RuntimeOverrides overrides, GatewayConfig config) {
        return overrides.entries().stream().map(e -> view(e, config)).toList();
    }

    private OverrideView view(Entry e, GatewayConfig config) {
        String target = e.poolId() == null ? e.backendId() : e.poolId() + "/" + e.backendId();
        OperatorAction set = lastSet.get(action(e.kind()) + " " + target);
        // An audit record with another value is not this override's origin (the log missed a write): say nothing.
        boolean known = set != null && e.value().equals(set.after());
        return new OverrideView(e.kind().jsonName(), e.poolId(), e.backendId(), e.value(), RuntimeOverrides.configValue(e, config),
                known ? set.who() : null, known ? set.ts() : null);
    }

    private static String action(RuntimeOverrides.Kind kind) {
        return switch (kind) {
            case WEIGHT -> "setWeight";
            case PRIORITY -> "setPriority";
            case ADMIN_STATE -> "setAdminState";
        };
    }
}

package dev.switchboard.engine;

import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;

/**
 * SHA-256 (hex) of the config's canonical JSON plus the runtime overrides, so two gateways with the same file
 * and the same overrides report the same hash, and a config without overrides hashes like {@link ConfigHash#of}.
 */
public final class StateHash {

    private StateHash() {
    }

    /**
     * The hash of what a fleet shares: as {@link #of}, with the gateway's own id and region left out (a fleet member
     * runs the fleet's config under its own id and region), so members in step report the same one.
     */
    public static String shared(GatewayConfig config, RuntimeOverrides overrides) {
        return of(config.withGateway(config.gateway().withId("").withRegion(null)), overrides);
    }

    static String of(GatewayConfig config, RuntimeOverrides overrides) {
        String configJson = ConfigWriter.toCompactJson(config);
        String overlay = overrides.canonical();
        return ConfigHash.sha256(overlay.isEmpty() ? configJson : configJson + "\n" + overlay);
    }
}

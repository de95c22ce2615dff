package dev.switchboard.dns;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;

/** Configs around a few traffic profiles, for tests. */
public final class TestProfiles {

    private TestProfiles() {
    }

    /** A gateway config with these profiles (JSON objects, comma-separated) and a dns section with the derived zone. */
    public static GatewayConfig config(String profiles) {
        return ConfigLoader.parse("""
                { "backends": { "app": { "url": "http://127.0.0.1:9001" } }, "trafficProfiles": [ %s ], "dns": {} }
                """.formatted(profiles)).orThrow();
    }
}

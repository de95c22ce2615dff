package dev.switchboard.demo;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;

/** The demo config for tests that start its gateway themselves. */
public final class DemoOnFreePorts {

    private DemoOnFreePorts() {
    }

    /** The demo config with its listener and DNS responder on free ports: a build machine may hold 8080 or 5353. */
    public static GatewayConfig config() {
        return ConfigLoader.parse(ConfigWriter.toJson(DemoConfig.load())
                .replace("127.0.0.1:8080", "127.0.0.1:0").replace("127.0.0.1:5353", "127.0.0.1:0")).orThrow();
    }
}

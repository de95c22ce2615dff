package dev.switchboard.demo;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo topology shipped in the jar: orders (east p1 50/50, west p2), a round-robin catalog pool, and the DNS
 * traffic profile api.orders.test answering east (127.0.0.11) or west (127.0.0.21) as orders-east-1 and orders-west-1,
 * which listen there, pass their monitor probes.
 */
public final class DemoConfig {

    static final String RESOURCE = "/dev/switchboard/demo/demo-gateway.json";

    private DemoConfig() {
    }

    public static GatewayConfig load() {
        try (InputStream in = DemoConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo config " + RESOURCE + " is missing from the class path");
            }
            return ConfigLoader.load(in).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo config " + RESOURCE, e);
        }
    }

    /** The same config with every single backend's URL replaced, e.g. by where its simulator really listens. */
    public static GatewayConfig withUrls(GatewayConfig config, Function<String, String> urlOfBackend) {
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        config.backends().forEach((id, backend) ->
                backends.put(id, backend.isPool() ? backend : backend.withUrl(urlOfBackend.apply(id))));
        return config.withBackends(backends);
    }

    /** The same config with the traffic profiles' monitors probing {@code port}, where the simulators really listen. */
    public static GatewayConfig withMonitorPort(GatewayConfig config, int port) {
        return config.withDns(config.trafficProfiles().stream().map(p -> p.withMonitorPort(port)).toList(), config.dns());
    }
}

package dev.switchboard.config;

import java.util.List;
import java.util.Map;

/**
 * One gateway's whole configuration, as loaded from JSON. Immutable; a change is a new instance.
 *
 * @param gateway     listener and process settings of the gateway itself
 * @param backends    APIM-style backends and pools by id, in file order
 * @param apis        routes from host/path to a backend or pool, evaluated in order
 * @param diagnostics when true, responses carry X-Switchboard-Backend and X-Switchboard-Attempts
 */
public record GatewayConfig(
        GatewaySettings gateway,
        Map<String, BackendConfig> backends,
        List<ApiConfig> apis,
        boolean diagnostics) {

    public GatewayConfig {
        backends = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(backends));
        apis = List.copyOf(apis);
    }

    public BackendConfig backend(String id) {
        return backends.get(id);
    }
}

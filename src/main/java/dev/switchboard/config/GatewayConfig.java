package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        backends = Collections.unmodifiableMap(new LinkedHashMap<>(backends));
        apis = List.copyOf(apis);
    }

    public BackendConfig backend(String id) {
        return backends.get(id);
    }
}

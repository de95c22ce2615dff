package dev.switchboard.config;

import java.time.Duration;
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
 * @param admin           the admin listener (telemetry, metrics, control); null for none
 * @param trafficProfiles Traffic Manager profiles: DNS names answered by endpoint health, in file order
 * @param dns             the DNS responder for the profiles; null for none
 * @param notifications   webhook targets for breaker, failover, config and operator events; null for none
 */
public record GatewayConfig(
        GatewaySettings gateway,
        Map<String, BackendConfig> backends,
        List<ApiConfig> apis,
        boolean diagnostics,
        AdminConfig admin,
        List<TrafficProfileConfig> trafficProfiles,
        DnsConfig dns,
        NotificationsConfig notifications) {

    /**
     * The longest duration any field takes. No timeout, interval or period needs more, and it keeps every deadline
     * the gateway and engine compute from one (a retry's 50th linear wait included) inside a long of nanoseconds: a
     * longer one loaded and then threw when a request armed its timer.
     */
    public static final Duration LONGEST_DURATION = Duration.ofDays(365);

    public GatewayConfig {
        backends = Collections.unmodifiableMap(new LinkedHashMap<>(backends));
        apis = List.copyOf(apis);
        trafficProfiles = List.copyOf(trafficProfiles);
    }

    /** A config without an admin listener, traffic profiles or DNS responder. */
    public GatewayConfig(GatewaySettings gateway, Map<String, BackendConfig> backends, List<ApiConfig> apis, boolean diagnostics) {
        this(gateway, backends, apis, diagnostics, null, List.of(), null, null);
    }

    /** This config with other gateway settings. */
    public GatewayConfig withGateway(GatewaySettings settings) {
        return new GatewayConfig(settings, backends, apis, diagnostics, admin, trafficProfiles, dns, notifications);
    }

    /** This config with {@code admin} as its admin section. */
    public GatewayConfig withAdmin(AdminConfig admin) {
        return new GatewayConfig(gateway, backends, apis, diagnostics, admin, trafficProfiles, dns, notifications);
    }

    /** This config with other backends, everything else kept. */
    public GatewayConfig withBackends(Map<String, BackendConfig> replaced) {
        return new GatewayConfig(gateway, replaced, apis, diagnostics, admin, trafficProfiles, dns, notifications);
    }

    /** This config with other traffic profiles and DNS responder, everything else kept. */
    public GatewayConfig withDns(List<TrafficProfileConfig> profiles, DnsConfig replaced) {
        return new GatewayConfig(gateway, backends, apis, diagnostics, admin, profiles, replaced, notifications);
    }

    /** This config with other notification targets, everything else kept. */
    public GatewayConfig withNotifications(NotificationsConfig replaced) {
        return new GatewayConfig(gateway, backends, apis, diagnostics, admin, trafficProfiles, dns, replaced);
    }

    /** The traffic profile with this name, or null. */
    public TrafficProfileConfig trafficProfile(String name) {
        return trafficProfiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public BackendConfig backend(String id) {
        return backends.get(id);
    }
}

package dev.switchboard.config.binding;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.DnsConfig;
import dev.switchboard.config.DnsNames;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.TrafficProfileConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that span objects and so cannot run while one object is bound: references between backends and
 * apis, pools that would nest, apis that shadow each other, and traffic profiles outside the DNS zone.
 */
final class ConfigValidator {

    private final GatewayConfig config;
    private final BindContext context;

    private ConfigValidator(GatewayConfig config, BindContext context) {
        this.config = config;
        this.context = context;
    }

    static void validate(GatewayConfig config, BindContext context) {
        ConfigValidator validator = new ConfigValidator(config, context);
        validator.checkPools();
        validator.checkApis();
        validator.checkZone();
    }

    /** Every profile name lies below the zone the DNS responder answers for. */
    private void checkZone() {
        DnsConfig dns = config.dns();
        if (dns == null || config.trafficProfiles().isEmpty()) {
            return;
        }
        if (dns.zone() == null) {
            context.add(context.sources().problem(dns, "the traffic profile names share no parent domain; set \"zone\""));
            return;
        }
        for (TrafficProfileConfig profile : config.trafficProfiles()) {
            if (profile.name() != null && DnsNames.problem(profile.name()) == null && !DnsNames.isBelow(profile.name(), dns.zone())) {
                problem(profile, "name", "\"" + profile.name() + "\" is not inside the zone \"" + dns.zone()
                        + "\" (dns.zone); the responder would refuse it");
            }
        }
    }

    private void checkPools() {
        for (BackendConfig backend : config.backends().values()) {
            if (backend.pool() == null) {
                continue;
            }
            for (PoolMember member : backend.pool().services()) {
                if (checkReference(member, "id", member.backendId()) && config.backend(member.backendId()).isPool()) {
                    problem(member, "id", "\"" + member.backendId() + "\" is a pool; pools do not nest");
                }
            }
        }
    }

    private void checkApis() {
        Map<String, ApiConfig> byName = new HashMap<>();
        Map<String, ApiConfig> byRoute = new HashMap<>();
        for (ApiConfig api : config.apis()) {
            checkReference(api, "backendId", api.backendId());
            api.rules().forEach(rule -> checkReference(rule, "backendId", rule.backendId()));
            ApiConfig sameName = api.name() == null ? null : byName.putIfAbsent(api.name(), api);
            if (sameName != null) {
                problem(api, "name", "duplicate api name \"" + api.name() + "\"");
            }
            ApiConfig sameRoute = byRoute.putIfAbsent(route(api), api);
            if (sameRoute != null) {
                problem(api, "path", "same host and path as api \"" + sameRoute.name()
                        + "\", which comes first; this api can never match");
            }
        }
    }

    /** True when {@code id} names a known backend; otherwise reports it, with a suggestion. Null was reported. */
    private boolean checkReference(Object record, String field, String id) {
        if (id == null) {
            return false;
        }
        if (config.backend(id) != null) {
            return true;
        }
        problem(record, field, "unknown backend \"" + id + "\"" + DidYouMean.suffix(id, config.backends().keySet()));
        return false;
    }

    /** Hosts compare case-insensitively; no host matches any host. */
    private static String route(ApiConfig api) {
        return Objects.requireNonNullElse(api.host(), "*").toLowerCase(Locale.ROOT) + " " + api.path();
    }

    private void problem(Object record, String field, String message) {
        context.add(context.sources().problem(record, field, message));
    }
}

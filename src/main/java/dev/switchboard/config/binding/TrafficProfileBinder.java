package dev.switchboard.config.binding;

import dev.switchboard.config.Cidr;
import dev.switchboard.config.DnsNames;
import dev.switchboard.config.RoutingMethod;
import dev.switchboard.config.TrafficEndpoint;
import dev.switchboard.config.TrafficProfileConfig;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import dev.switchboard.config.json.JsonTree.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code trafficProfiles}, with the rules Traffic Manager applies per routing method. Stateful per
 * list: profile names are unique (case-insensitively, as DNS compares them).
 */
final class TrafficProfileBinder implements Binder<TrafficProfileConfig> {

    static final long DEFAULT_TTL = 60;
    static final long MAX_TTL = Integer.MAX_VALUE;
    static final int MAX_RETURN_LIMIT = 8;

    private final Set<String> names = new HashSet<>();

    @Override
    public List<String> fields() {
        return List.of("name", "enabled", "ttl", "routing", "endpoints", "monitor", "regions", "maxReturn");
    }

    @Override
    public TrafficProfileConfig bind(FieldReader in) {
        String name = in.requiredString("name");
        String nameProblem = name == null ? null : DnsNames.problem(name);
        if (nameProblem != null) {
            in.problem("name", "\"" + name + "\" is not a host name: " + nameProblem);
        } else if (name != null && !names.add(DnsNames.canonical(name))) {
            in.problem("name", "duplicate traffic profile \"" + name + "\"");
        }
        Long ttl = in.whole("ttl", 0, Long.MAX_VALUE);
        if (ttl != null && ttl > MAX_TTL) {
            in.problem("ttl", "must be between 0 and " + MAX_TTL + " seconds (2^31-1), found " + ttl);
            ttl = null;
        }
        RoutingMethod routing = in.choice("routing", List.of(RoutingMethod.values()), RoutingMethod::jsonName);
        RoutingMethod effective = routing == null ? RoutingMethod.PRIORITY : routing;
        int problemsBefore = in.context().problemCount();
        List<TrafficEndpoint> endpoints = in.requiredObjects("endpoints", new TrafficEndpointBinder());
        boolean endpointsOk = in.context().problemCount() == problemsBefore;
        Map<String, List<String>> regions = regions(in);
        Integer maxReturn = in.integer("maxReturn", 1, MAX_RETURN_LIMIT);
        if (maxReturn != null && effective != RoutingMethod.MULTIVALUE) {
            in.problem("maxReturn", "applies to multivalue routing only");
        }
        if (in.has("regions") && effective != RoutingMethod.GEOGRAPHIC) {
            in.problem("regions", "applies to geographic routing only");
        }
        if (endpointsOk) {
            checkEndpoints(in, effective, endpoints, regions.keySet());
        }
        return new TrafficProfileConfig(name, in.bool("enabled", true), ttl == null ? DEFAULT_TTL : ttl, effective, endpoints,
                in.object("monitor", new EndpointMonitorBinder()), regions, maxReturn);
    }

    /** Runs only on well-formed endpoints, so one mistake is reported once. */
    private static void checkEndpoints(FieldReader in, RoutingMethod routing, List<TrafficEndpoint> endpoints, Set<String> regions) {
        Set<String> seen = new HashSet<>();
        for (TrafficEndpoint e : endpoints) {
            if (!seen.add(e.name())) {
                problem(in, e, "name", "duplicate endpoint \"" + e.name() + "\" in this profile");
            }
            if (routing == RoutingMethod.MULTIVALUE && DnsNames.address(e.target()) == null) {
                problem(in, e, "target", "multivalue routing answers addresses only; \"" + e.target() + "\" is a host name");
            }
            if (routing == RoutingMethod.GEOGRAPHIC && e.region() == null) {
                problem(in, e, "region", "geographic routing needs a region on every endpoint (one of "
                        + String.join(", ", regionNames(regions)) + ")");
            } else if (routing == RoutingMethod.GEOGRAPHIC && !e.region().equals(TrafficProfileConfig.WORLD) && !regions.contains(e.region())) {
                problem(in, e, "region", "unknown region \"" + e.region() + "\"; the profile's regions are "
                        + String.join(", ", regionNames(regions)) + DidYouMean.suffix(e.region(), regionNames(regions)));
            }
        }
    }

    private static List<String> regionNames(Set<String> regions) {
        List<String> all = new ArrayList<>(regions);
        all.add(TrafficProfileConfig.WORLD);
        return all;
    }

    /** {@code regions}: region name to an array of CIDR subnets; "world" is implicit and takes none. */
    private static Map<String, List<String>> regions(FieldReader in) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        JsonObject object = in.map("regions");
        if (object == null) {
            return regions;
        }
        BindContext context = in.context();
        for (Member member : object.members().values()) {
            String path = JsonPaths.field(in.fieldPath("regions"), member.name());
            if (member.name().equals(TrafficProfileConfig.WORLD)) {
                context.problem(path, member.nameLocation(), "\"world\" is the region of clients in no listed subnet; it takes no subnets");
                continue;
            }
            if (!(member.value() instanceof JsonArray array)) {
                context.problem(path, member.value().location(), "expected an array of subnets, found " + JsonTree.describe(member.value()));
                continue;
            }
            List<String> subnets = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                JsonTree item = array.items().get(i);
                String problem = subnetProblem(item);
                if (problem == null) {
                    subnets.add(((JsonString) item).value());
                } else {
                    context.problem(JsonPaths.index(path, i), item.location(), problem);
                }
            }
            regions.put(member.name(), subnets);
        }
        return regions;
    }

    private static String subnetProblem(JsonTree item) {
        if (!(item instanceof JsonString s)) {
            return "expected a subnet string, found " + JsonTree.describe(item);
        }
        try {
            Cidr.parse(s.value());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void problem(FieldReader in, TrafficEndpoint endpoint, String field, String message) {
        in.context().add(in.context().sources().problem(endpoint, field, message));
    }
}

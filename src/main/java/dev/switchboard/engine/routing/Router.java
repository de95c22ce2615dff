package dev.switchboard.engine.routing;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.RouteCondition;
import dev.switchboard.config.RouteRule;
import java.util.List;
import java.util.Locale;

/**
 * Finds the API for a request and applies its rules. The API is the one with the longest path prefix among those
 * whose host matches (or have none); on equal prefixes a host-specific API beats a host-less one, then config
 * order decides. Prefixes match whole segments: "/orders" takes "/orders" and "/orders/7", not "/ordersX".
 */
public final class Router {

    private final List<ApiConfig> apis;
    private final String region;

    public Router(List<ApiConfig> apis) {
        this(apis, null);
    }

    /** @param region the gateway's region, read by expression conditions as context.Deployment.Region */
    public Router(List<ApiConfig> apis, String region) {
        this.apis = List.copyOf(apis);
        this.region = region;
    }

    /** The route, or null when no API takes the request. */
    public RouteMatch route(RequestView request) {
        String host = stripPort(request.host());
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        ApiConfig best = null;
        for (ApiConfig api : apis) {
            if (hostMatches(api, host) && prefixMatches(api.path(), path) && beats(api, best)) {
                best = api;
            }
        }
        if (best == null) {
            return null;
        }
        String remaining = path.substring(prefixLength(best.path()));
        for (RouteRule rule : best.rules()) {
            if (matchesAll(rule.when(), request, path)) {
                return new RouteMatch(best, rule.backendId() == null ? best.backendId() : rule.backendId(), rule.name(), remaining, rule);
            }
        }
        return new RouteMatch(best, best.backendId(), null, remaining, null);
    }

    private static boolean beats(ApiConfig candidate, ApiConfig best) {
        if (best == null) {
            return true;
        }
        int a = prefixLength(candidate.path());
        int b = prefixLength(best.path());
        return a > b || a == b && candidate.host() != null && best.host() == null;
    }

    private static boolean hostMatches(ApiConfig api, String host) {
        return api.host() == null || api.host().equalsIgnoreCase(host);
    }

    /** Prefix length without a trailing '/', so "/api/" and "/api" behave alike and "/" is the empty prefix. */
    private static int prefixLength(String prefix) {
        int n = prefix.length();
        return n > 0 && prefix.charAt(n - 1) == '/' ? n - 1 : n;
    }

    /** True when {@code path} lies under an api path {@code prefix} (whole segments). */
    public static boolean prefixMatches(String prefix, String path) {
        int n = prefixLength(prefix);
        return path.regionMatches(0, prefix, 0, n) && (path.length() == n || path.charAt(n) == '/');
    }

    private boolean matchesAll(List<RouteCondition> conditions, RequestView request, String path) {
        for (RouteCondition c : conditions) {
            if (c.expression() != null ? !c.expression().test(new RequestContext(request, path, region)) : !matches(c, request, path)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(RouteCondition c, RequestView request, String path) {
        String value = switch (c.source()) {
            case header -> request.header(c.name());
            case query -> request.query(c.name());
            case path -> path;
        };
        if (c.exists() != null) {
            return c.exists() == (value != null);
        }
        if (value == null) {
            return false;
        }
        if (c.equals() != null) {
            return value.equals(c.equals());
        }
        if (c.prefix() != null) {
            return value.startsWith(c.prefix());
        }
        return c.regex() != null && c.regex().matcher(value).matches();
    }

    private static String stripPort(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        boolean ipv6 = host.startsWith("[");
        String bare = colon > 0 && (!ipv6 || host.lastIndexOf(']') < colon) ? host.substring(0, colon) : host;
        return bare.toLowerCase(Locale.ROOT);
    }
}

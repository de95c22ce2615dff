package dev.switchboard.rehearsal;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.RequestAction;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.scenario.RequestKind;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.routing.RequestView;
import dev.switchboard.engine.routing.RouteMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One request kind of a scenario as the engine's router sees it, routed once: the config does not change during a
 * rehearsal and a kind's requests are all alike, so every request of the kind has the same route and session key.
 */
final class ScenarioRequest implements RequestView {

    private final RequestKind kind;
    private final String path;
    private final String query;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final RouteMatch route;
    private final String affinityKey;
    private final RequestAction.ReturnResponse answer;

    ScenarioRequest(RequestKind kind, Engine engine, GatewayConfig config) {
        this.kind = kind;
        int q = kind.path().indexOf('?');
        this.path = q < 0 ? kind.path() : kind.path().substring(0, q);
        this.query = q < 0 ? null : kind.path().substring(q + 1);
        headers.putAll(kind.headers());
        this.route = engine.route(this);
        this.affinityKey = route == null ? null : affinityKey(config.backend(route.targetId()));
        this.answer = route == null ? null : answer(route);
    }

    /** Like the gateway's RequestActions: the first return-response of the api's actions, then the rule's. */
    private static RequestAction.ReturnResponse answer(RouteMatch route) {
        List<RequestAction> rule = route.matchedRule() == null ? List.of() : route.matchedRule().actions();
        return Stream.concat(route.api().actions().stream(), rule.stream())
                .filter(RequestAction.ReturnResponse.class::isInstance)
                .map(RequestAction.ReturnResponse.class::cast)
                .findFirst().orElse(null);
    }

    RequestKind kind() {
        return kind;
    }

    /** The route, or null when no API takes the request (the gateway answers 404). */
    RouteMatch route() {
        return route;
    }

    /** The gateway's own answer when a return-response action runs (no backend is asked), or null. */
    RequestAction.ReturnResponse answer() {
        return answer;
    }

    /** True when the kind's requests go to a backend: an api takes them and no return-response action answers. */
    boolean forwarded() {
        return route != null && answer == null;
    }

    /** The session id for a pool with session affinity, or null. */
    String affinityKey() {
        return affinityKey;
    }

    @Override
    public String host() {
        return headers.get("Host");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    /** For expression conditions (an imported operation's {@code context.Request.Method == "GET"}). */
    @Override
    public String method() {
        return kind.method();
    }

    @Override
    public String rawQuery() {
        return query;
    }

    @Override
    public String query(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String affinityKey(BackendConfig target) {
        if (target == null || target.pool() == null || target.pool().sessionAffinity() == null) {
            return null;
        }
        SessionAffinityConfig affinity = target.pool().sessionAffinity();
        return switch (affinity.source()) {
            case Header -> header(affinity.name());
            case Cookie -> cookie(affinity.name());
        };
    }

    private String cookie(String name) {
        String header = header("Cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }
}

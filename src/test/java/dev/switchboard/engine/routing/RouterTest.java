package dev.switchboard.engine.routing;

import static dev.switchboard.engine.TestConfigs.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.RouteCondition;
import dev.switchboard.config.RouteCondition.Source;
import dev.switchboard.config.RouteRule;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RouterTest {

    private record Request(String host, String path, Map<String, String> headers, Map<String, String> queries)
            implements RequestView {
        @Override
        public String header(String name) {
            return headers.get(name);
        }

        @Override
        public String query(String name) {
            return queries.get(name);
        }
    }

    private static Request get(String host, String path) {
        return new Request(host, path, Map.of(), Map.of());
    }

    private static ApiConfig withRules(ApiConfig a, RouteRule... rules) {
        return new ApiConfig(a.name(), a.host(), a.path(), a.backendId(), List.of(rules), a.retry(), a.timeouts(),
                a.maxBufferedBody(), a.preserveHost());
    }

    private static RouteCondition cond(Source s, String name, String eq, String prefix, String regex, Boolean exists) {
        return new RouteCondition(s, name, eq, prefix, regex == null ? null : Pattern.compile(regex), exists);
    }

    @Test
    void longestPrefixWinsOnWholeSegmentsAndHostSpecificBreaksTies() {
        Router router = new Router(List.of(api("root", null, "/", "r"), api("orders", null, "/orders", "o"),
                api("ordersHost", "shop.test", "/orders", "oh"), api("v2", null, "/orders/v2", "v2")));
        assertThat(router.route(get("x.test", "/orders/7")).targetId()).isEqualTo("o");
        assertThat(router.route(get("SHOP.test:8443", "/orders/7")).targetId()).isEqualTo("oh");
        assertThat(router.route(get("shop.test", "/orders/v2/1")).targetId()).isEqualTo("v2");
        assertThat(router.route(get("x.test", "/ordersX")).targetId()).isEqualTo("r");
        RouteMatch m = router.route(get("x.test", "/orders/7"));
        assertThat(m.remainingPath()).isEqualTo("/7");
        assertThat(router.route(get("x.test", "/orders")).remainingPath()).isEmpty();
        assertThat(new Router(List.of(api("only", "a.test", "/x", "x"))).route(get("b.test", "/x"))).isNull();
    }

    @Test
    void firstMatchingRuleWinsAndConditionsAreAnded() {
        ApiConfig a = withRules(api("a", null, "/api", "default"),
                new RouteRule("beta", List.of(cond(Source.header, "X-Beta", null, null, null, true),
                        cond(Source.query, "region", "eu", null, null, null)), "beta-eu"),
                new RouteRule("mobile", List.of(cond(Source.header, "User-Agent", null, "Mobile", null, null)), "mobile"),
                new RouteRule("ids", List.of(cond(Source.path, null, null, null, "/api/items/[0-9]+", null)), "items"),
                new RouteRule("noauth", List.of(cond(Source.header, "Authorization", null, null, null, false)), "anon"));
        Router router = new Router(List.of(a));
        Map<String, String> auth = Map.of("Authorization", "x");
        assertThat(router.route(new Request("h", "/api/x", Map.of("X-Beta", "1", "Authorization", "x"),
                Map.of("region", "eu"))).targetId()).isEqualTo("beta-eu");
        assertThat(router.route(new Request("h", "/api/x", Map.of("X-Beta", "1", "Authorization", "x"),
                Map.of("region", "us"))).targetId()).isEqualTo("default");
        assertThat(router.route(new Request("h", "/api/x", Map.of("User-Agent", "Mobile Safari", "Authorization", "x"),
                Map.of())).rule()).isEqualTo("mobile");
        assertThat(router.route(new Request("h", "/api/items/42", auth, Map.of())).targetId()).isEqualTo("items");
        assertThat(router.route(new Request("h", "/api/items/42x", auth, Map.of())).targetId()).isEqualTo("default");
        assertThat(router.route(new Request("h", "/api/x", Map.of(), Map.of())).targetId()).isEqualTo("anon");
    }
}

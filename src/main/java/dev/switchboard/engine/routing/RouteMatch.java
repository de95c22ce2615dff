package dev.switchboard.engine.routing;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.RouteRule;

/**
 * Where a request goes.
 *
 * @param api           the matching API
 * @param targetId      backend or pool id chosen by the API's rules (or its default)
 * @param rule          name of the rule that chose it; null for the API's default
 * @param remainingPath the request path after the API's path prefix ("" or starting with '/')
 * @param matchedRule   the rule that matched, whose actions run after the api's; null for the API's default
 */
public record RouteMatch(ApiConfig api, String targetId, String rule, String remainingPath, RouteRule matchedRule) {

    /** The same route with another path after the prefix (a rewrite-uri). */
    public RouteMatch withRemainingPath(String path) {
        return new RouteMatch(api, targetId, rule, path, matchedRule);
    }
}

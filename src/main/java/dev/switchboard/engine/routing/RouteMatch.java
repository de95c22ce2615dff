package dev.switchboard.engine.routing;

import dev.switchboard.config.ApiConfig;

/**
 * Where a request goes.
 *
 * @param api           the matching API
 * @param targetId      backend or pool id chosen by the API's rules (or its default)
 * @param rule          name of the rule that chose it; null for the API's default
 * @param remainingPath the request path after the API's path prefix ("" or starting with '/')
 */
public record RouteMatch(ApiConfig api, String targetId, String rule, String remainingPath) {
}

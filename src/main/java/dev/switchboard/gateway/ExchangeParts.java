package dev.switchboard.gateway;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.routing.RouteMatch;

/**
 * What the attempts of one routed exchange share with it: the route, the request to send (with the query after the
 * request actions), where the response goes, and the config it was routed with (for each backend's credentials).
 */
record ExchangeParts(RouteMatch route, String rawQuery, RequestBody body, UpstreamRequestHead head, ExchangeTimers timers,
                     ClientResponseWriter writer, UpstreamPool pool, GatewayConfig config) {
}

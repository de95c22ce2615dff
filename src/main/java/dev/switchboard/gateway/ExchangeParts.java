package dev.switchboard.gateway;

import dev.switchboard.engine.routing.RouteMatch;

/** What the attempts of one routed exchange share with it: the route, the request to send and where the response goes. */
record ExchangeParts(RouteMatch route, String rawQuery, RequestBody body, UpstreamRequestHead head, ExchangeTimers timers,
                     ClientResponseWriter writer, UpstreamPool pool) {
}

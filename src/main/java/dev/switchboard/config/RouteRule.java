package dev.switchboard.config;

import java.util.List;

/**
 * APIM's {@code <choose><when condition>} + {@code <set-backend-service backend-id>}: when every condition
 * holds, the request goes to {@code backendId}.
 */
public record RouteRule(String name, List<RouteCondition> when, String backendId) {

    public RouteRule {
        when = List.copyOf(when);
    }
}

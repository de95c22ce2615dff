package dev.switchboard.config;

import java.util.List;

/**
 * APIM's {@code <choose><when condition>}: when every condition holds, the request goes to {@code backendId} (or the
 * api's backend when null) after the rule's actions ran.
 *
 * @param name      unique within its api, for logs and the console
 * @param when      conditions that must all hold
 * @param backendId backend or pool; null keeps the api's
 * @param actions   request actions run after the api's
 */
public record RouteRule(String name, List<RouteCondition> when, String backendId, List<RequestAction> actions) {

    public RouteRule {
        when = List.copyOf(when);
        actions = List.copyOf(actions);
    }

    /** A rule that only picks a backend. */
    public RouteRule(String name, List<RouteCondition> when, String backendId) {
        this(name, when, backendId, List.of());
    }
}

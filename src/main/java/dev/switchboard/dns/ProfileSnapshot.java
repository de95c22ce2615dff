package dev.switchboard.dns;

import dev.switchboard.config.EndpointMonitorConfig;
import dev.switchboard.config.RoutingMethod;
import java.time.Instant;
import java.util.List;

/**
 * One traffic profile as it is now: what it answers, since when, and every endpoint's status. Immutable.
 *
 * @param exists          false when the name answers NXDOMAIN (profile disabled, or every endpoint disabled)
 * @param answer          the targets a query may get now (for weighted and geographic routing, every possible one)
 * @param answerChangedAt when the answer last changed (or the profile was loaded)
 * @param failedOverTo    the endpoint an operator promoted to the best priority, or null
 * @param monitor         null when the profile has no monitor
 */
public record ProfileSnapshot(String name, boolean enabled, long ttl, RoutingMethod routing, boolean exists, List<String> answer,
                              Instant answerChangedAt, String failedOverTo, EndpointMonitorConfig monitor,
                              List<EndpointSnapshot> endpoints) {

    public ProfileSnapshot {
        answer = List.copyOf(answer);
        endpoints = List.copyOf(endpoints);
    }

    /**
     * Until when resolvers may still hand out the answer from before the last change: the change time plus the TTL.
     * Until then clients can keep reaching the old endpoints; a console counts down to it.
     */
    public Instant oldAnswerCachedUntil() {
        return answerChangedAt.plusSeconds(ttl);
    }

    /**
     * What the profile answers, as audit records and consoles word it: {@code answer [127.0.0.11]}, with
     * {@code , failed over to west} after an operator's fail-over, or {@code NXDOMAIN}.
     */
    public String describeAnswer() {
        return exists ? "answer " + answer + (failedOverTo == null ? "" : ", failed over to " + failedOverTo) : "NXDOMAIN";
    }

    /** The endpoint with this name, or null. */
    public EndpointSnapshot endpoint(String endpointName) {
        return endpoints.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElse(null);
    }
}

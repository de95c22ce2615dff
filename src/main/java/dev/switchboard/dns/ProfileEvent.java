package dev.switchboard.dns;

import java.time.Instant;
import java.util.List;

/** Something that changed in a traffic profile; see {@link ProfileListener}. */
public sealed interface ProfileEvent {

    Instant at();

    String profile();

    /**
     * An endpoint's monitor status changed (probe result, operator, config).
     *
     * @param reason why it has the new status
     */
    record EndpointStatusChanged(Instant at, String profile, String endpoint, MonitorStatus from, MonitorStatus to, String reason)
            implements ProfileEvent {
    }

    /**
     * What the profile answers changed; resolvers may keep serving the old answer until {@code at + ttl}.
     *
     * @param answer the targets queries may get now; empty with {@code exists} false means NXDOMAIN
     */
    record AnswerChanged(Instant at, String profile, List<String> answer, boolean exists, long ttl) implements ProfileEvent {
        public AnswerChanged {
            answer = List.copyOf(answer);
        }
    }
}

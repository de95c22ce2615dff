package dev.switchboard.telemetry.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * Something that happened, sent the moment it happens and kept in the recent-events ring of every snapshot. Its
 * {@code type} is the message type; {@code ts} is when it happened (epoch milliseconds).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TelemetryEvent.Breaker.class, name = "breaker"),
        @JsonSubTypes.Type(value = TelemetryEvent.Availability.class, name = "availability"),
        @JsonSubTypes.Type(value = TelemetryEvent.ConfigChange.class, name = "config"),
        @JsonSubTypes.Type(value = TelemetryEvent.OperatorAction.class, name = "operator"),
        @JsonSubTypes.Type(value = TelemetryEvent.EndpointStatus.class, name = "endpointStatus"),
        @JsonSubTypes.Type(value = TelemetryEvent.DnsAnswer.class, name = "dnsAnswer"),
        @JsonSubTypes.Type(value = TelemetryEvent.NotificationFailed.class, name = "notificationFailed")})
public sealed interface TelemetryEvent {

    long ts();

    /** The message type of {@code event}, as in {@link JsonSubTypes} above. */
    static String typeOf(TelemetryEvent event) {
        return switch (event) {
            case Breaker b -> "breaker";
            case Availability a -> "availability";
            case ConfigChange c -> "config";
            case OperatorAction o -> "operator";
            case EndpointStatus e -> "endpointStatus";
            case DnsAnswer d -> "dnsAnswer";
            case NotificationFailed n -> "notificationFailed";
        };
    }

    /**
     * A breaker changed state: which backend, which rule tripped it and why, with every rule's window.
     *
     * @param rule null for operator actions and trip ends
     */
    record Breaker(long ts, String backendId, String from, String to, String rule, String reason,
                   List<GatewayState.RuleView> counters) implements TelemetryEvent {
        public Breaker {
            counters = List.copyOf(counters);
        }
    }

    /** A backend's availability changed (breaker, probe result, admin state, slow start). */
    record Availability(long ts, String backendId, String from, String to, String reason) implements TelemetryEvent {
    }

    /**
     * The config or the overrides changed.
     *
     * @param what e.g. "config applied", "weight of pool/b set to 0"
     * @param diff for a new config: ids of added, removed and changed backends and apis; empty otherwise
     */
    record ConfigChange(long ts, long version, String hash, String what, Map<String, List<String>> diff) implements TelemetryEvent {
        public ConfigChange {
            diff = Map.copyOf(diff);
        }
    }

    /**
     * An operator changed something (the audit record).
     *
     * @param who    the token's name
     * @param action the command type
     * @param target what it acted on, e.g. "pool/b" or "b"
     * @param before the value before, as text
     * @param after  the value after, as text
     */
    record OperatorAction(long ts, String who, String action, String target, String before, String after, long version)
            implements TelemetryEvent {
    }

    /** A traffic-profile endpoint's monitor status changed (probe results, operator, config). */
    record EndpointStatus(long ts, String profile, String endpoint, String from, String to, String reason) implements TelemetryEvent {
    }

    /**
     * What a traffic profile answers changed; resolvers may serve the old answer for {@code ttl} seconds more.
     *
     * @param exists false when the name now answers NXDOMAIN
     */
    record DnsAnswer(long ts, String profile, List<String> answer, boolean exists, long ttl) implements TelemetryEvent {
        public DnsAnswer {
            answer = List.copyOf(answer);
        }
    }

    /**
     * A webhook target did not get an event (a dead letter, docs/notifications.md).
     *
     * @param reason    {@code queue_full} or {@code retries_exhausted}
     * @param lastError what the last attempt got; null when it was never sent
     */
    record NotificationFailed(long ts, String target, String eventType, String eventId, int attempts, String reason, String lastError)
            implements TelemetryEvent {
    }
}

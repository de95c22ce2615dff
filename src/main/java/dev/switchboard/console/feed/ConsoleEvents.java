package dev.switchboard.console.feed;

import java.time.Instant;
import java.util.List;

/**
 * Event-log entries that embedded and remote gateways both report, worded in one place so both look the same.
 * Traffic-profile events name their profile (and endpoint) where backend events name the backend.
 */
public final class ConsoleEvents {

    private ConsoleEvents() {
    }

    public static ConsoleEvent endpointStatus(Instant at, String gatewayId, String profile, String endpoint,
                                              Object from, Object to, String reason) {
        return new ConsoleEvent(at, gatewayId, profile + "/" + endpoint, EventKind.DNS_MONITOR, false,
                "monitor " + from + " -> " + to + ": " + reason);
    }

    /** An answer change moves clients to other endpoints: worth a notification, like a pool's failover. */
    public static ConsoleEvent dnsAnswer(Instant at, String gatewayId, String profile, List<String> answer,
                                         boolean exists, long ttl) {
        return new ConsoleEvent(at, gatewayId, profile, EventKind.DNS_ANSWER, true,
                "answer " + (exists ? answer : "NXDOMAIN") + "; resolvers may keep the old one for " + ttl + " s");
    }

    /** An operator's change, as the gateway's audit record has it. */
    public static ConsoleEvent operatorAction(Instant at, String gatewayId, String who, String action, String target,
                                              String before, String after, long version) {
        return new ConsoleEvent(at, gatewayId, "", EventKind.OPERATOR, false,
                who + ": " + action + " " + target + " " + before + " -> " + after + " (version " + version + ")");
    }

    /** A webhook target gave up an event: operators relying on it did not hear of something. */
    public static ConsoleEvent notificationFailed(Instant at, String gatewayId, String target, String eventType, int attempts,
                                                  String reason, String lastError) {
        return new ConsoleEvent(at, gatewayId, "webhook " + target, EventKind.NOTIFICATION, true,
                "not delivered: " + eventType + " (" + reason + ", " + attempts + " attempt(s)" + (lastError == null ? "" : ", last: " + lastError) + ")");
    }
}

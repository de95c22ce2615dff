package dev.switchboard.notify;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.NotificationKind;
import dev.switchboard.dns.ProfileEvent;
import dev.switchboard.engine.AvailabilityChange;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.StateChange;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what happened in the gateway into {@link Notification}s. Breaker open and close use APIM's Event Grid types
 * and data ({@code backendName}, {@code circuitBreaker.rules.<rule>.tripDuration}), so Event Grid consumers work
 * unchanged; the other kinds are Switchboard's own ({@code dev.switchboard.*}). Schema: docs/notifications.md.
 */
final class EventNotifications {

    static final String BREAKER_OPENED = "Microsoft.ApiManagement.CircuitBreaker.Opened";
    static final String BREAKER_CLOSED = "Microsoft.ApiManagement.CircuitBreaker.Closed";
    static final String BREAKER_HALF_OPENED = "dev.switchboard.CircuitBreaker.HalfOpened";
    static final String AVAILABILITY_CHANGED = "dev.switchboard.Backend.AvailabilityChanged";
    static final String POOL_FAILED_OVER = "dev.switchboard.Pool.FailedOver";
    static final String DNS_ANSWER_CHANGED = "dev.switchboard.TrafficProfile.AnswerChanged";
    static final String CONFIG_APPLIED = "dev.switchboard.Config.Applied";
    static final String CONFIG_REFUSED = "dev.switchboard.Config.Refused";
    static final String OPERATOR_ACTION = "dev.switchboard.Operator.Action";

    private EventNotifications() {
    }

    /**
     * The notification for an engine event, or null when targets do not hear about it (runtime changes other than a
     * new config: operators' changes are notified from the audit record, which names who made them).
     *
     * @param lastRule the rule whose trip this backend's breaker is in (null: none, e.g. after an operator's force), for the
     *                 half-open and close events that have no rule of their own
     */
    static Notification of(EngineEvent event, GatewayConfig config, String lastRule) {
        return switch (event) {
            case BreakerTransition t -> breaker(t, config, t.rule() != null ? t.rule() : lastRule);
            case AvailabilityChange a -> Notification.of(NotificationKind.AVAILABILITY_CHANGED, AVAILABILITY_CHANGED,
                    "/backends/" + a.backendId(), a.at(), map("backendName", a.backendId(), "from", a.from().name(), "to", a.to().name(),
                            "reason", a.reason()));
            case StateChange c when c.what().equals("config applied") -> Notification.of(NotificationKind.CONFIG_APPLIED, CONFIG_APPLIED,
                    "/config", c.at(), map("version", c.version(), "hash", c.hash()));
            default -> null;
        };
    }

    private static Notification breaker(BreakerTransition t, GatewayConfig config, String rule) {
        NotificationKind kind;
        String type;
        switch (t.to()) {
            case OPEN, FORCED_OPEN -> {
                kind = NotificationKind.BREAKER_OPENED;
                type = BREAKER_OPENED;
            }
            case CLOSED, FORCED_CLOSED -> {
                kind = NotificationKind.BREAKER_CLOSED;
                type = BREAKER_CLOSED;
            }
            default -> {
                kind = NotificationKind.BREAKER_HALF_OPEN;
                type = BREAKER_HALF_OPENED;
            }
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        if (rule != null) {
            rules.put(rule, map("tripDuration", timeSpan(tripDuration(config, t.backendId(), rule))));
        }
        Map<String, Object> data = map("backendName", t.backendId(), "circuitBreaker", map("rules", rules),
                "previousState", t.from().name(), "state", t.to().name(), "reason", t.reason());
        String subject = "/backends/" + t.backendId() + "/circuit-breaker" + (rule == null ? "" : "/rules/" + rule);
        return Notification.of(kind, type, subject, t.at(), data);
    }

    static Notification failover(String pool, int fromPriority, int toPriority, Instant at) {
        return Notification.of(NotificationKind.FAILOVER, POOL_FAILED_OVER, "/pools/" + pool, at,
                map("poolName", pool, "fromPriority", fromPriority, "toPriority", toPriority));
    }

    /** A traffic profile's answer changed (a DNS failover); other profile events are not notified. */
    static Notification of(ProfileEvent event) {
        if (!(event instanceof ProfileEvent.AnswerChanged a)) {
            return null;
        }
        return Notification.of(NotificationKind.FAILOVER, DNS_ANSWER_CHANGED, "/trafficProfiles/" + a.profile(), a.at(),
                map("profile", a.profile(), "answer", a.answer(), "exists", a.exists(), "ttl", a.ttl()));
    }

    static Notification configRefused(String source, List<String> problems, Instant at) {
        return Notification.of(NotificationKind.CONFIG_REFUSED, CONFIG_REFUSED, "/config", at, map("source", source, "problems", problems));
    }

    static Notification operatorAction(String who, String action, String target, String before, String after, long version, Instant at) {
        return Notification.of(NotificationKind.OPERATOR_ACTION, OPERATOR_ACTION, "/operator/" + action, at,
                map("who", who, "action", action, "target", target, "before", before, "after", after, "version", version));
    }

    private static Duration tripDuration(GatewayConfig config, String backendId, String rule) {
        BackendConfig backend = config.backend(backendId);
        if (backend == null || backend.circuitBreaker() == null) {
            return Duration.ZERO;
        }
        return backend.circuitBreaker().rules().stream().filter(r -> rule.equals(r.name())).map(BreakerRule::tripDuration)
                .findFirst().orElse(Duration.ZERO);
    }

    /** .NET TimeSpan text, as APIM writes it: {@code 00:00:30}, {@code 00:00:00.5000000}. */
    static String timeSpan(Duration d) {
        String text = String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        return d.getNano() == 0 ? text : text + String.format(".%07d", d.getNano() / 100);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.NotificationKind;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.BreakerTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Breaker events carry APIM's Event Grid type, subject and data, so Event Grid consumers can be reused. */
class EventNotificationsTest {

    private static final GatewayConfig CONFIG = ConfigLoader.parse("""
            { "backends": { "orders": { "url": "http://127.0.0.1:1", "circuitBreaker": { "rules": [ { "name": "five-xx",
                "failureCondition": { "count": 3, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                "tripDuration": "PT1M30S" } ] } } },
              "apis": [ { "name": "orders", "backendId": "orders" } ] }
            """).orThrow();

    @Test
    void aTrippedRuleIsNamedWithItsTripDurationAsApimWritesIt() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Notification opened = EventNotifications.of(new BreakerTransition("orders", BreakerState.CLOSED, BreakerState.OPEN, "five-xx",
                "rule 'five-xx': 3 failures in PT10S (503 x3); open for PT1M30S", List.of(), at), CONFIG, "five-xx");
        assertThat(opened.kind()).isEqualTo(NotificationKind.BREAKER_OPENED);
        assertThat(opened.type()).isEqualTo("Microsoft.ApiManagement.CircuitBreaker.Opened");
        assertThat(opened.subject()).isEqualTo("/backends/orders/circuit-breaker/rules/five-xx");
        assertThat(opened.data()).containsEntry("backendName", "orders")
                .containsEntry("circuitBreaker", Map.of("rules", Map.of("five-xx", Map.of("tripDuration", "00:01:30"))));

        // A trip that ends has no rule of its own: the close names the rule that opened it, as APIM's does.
        Notification closed = EventNotifications.of(new BreakerTransition("orders", BreakerState.HALF_OPEN, BreakerState.CLOSED, null,
                "trial requests succeeded", List.of(), at), CONFIG, "five-xx");
        assertThat(closed.type()).isEqualTo("Microsoft.ApiManagement.CircuitBreaker.Closed");
        assertThat(closed.subject()).isEqualTo("/backends/orders/circuit-breaker/rules/five-xx");

        Notification halfOpen = EventNotifications.of(new BreakerTransition("orders", BreakerState.OPEN, BreakerState.HALF_OPEN, null,
                "trip ended", List.of(), at), CONFIG, "five-xx");
        assertThat(halfOpen.kind()).isEqualTo(NotificationKind.BREAKER_HALF_OPEN);
        assertThat(halfOpen.type()).isEqualTo("dev.switchboard.CircuitBreaker.HalfOpened");
    }

    @Test
    void timeSpansAreDotNetText() {
        assertThat(EventNotifications.timeSpan(Duration.ofSeconds(30))).isEqualTo("00:00:30");
        assertThat(EventNotifications.timeSpan(Duration.ofHours(25).plusMinutes(2))).isEqualTo("25:02:00");
        assertThat(EventNotifications.timeSpan(Duration.ofMillis(500))).isEqualTo("00:00:00.5000000");
    }
}

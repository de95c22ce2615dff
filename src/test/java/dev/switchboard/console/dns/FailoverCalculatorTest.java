package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverCalculatorTest {

    private final FailoverCalculator calc = new FailoverCalculator();

    @Test
    void worstCaseIsToleratedPlusOneIntervalsPlusTimeoutPlusTtlShownBrokenDown() {
        calc.prefill(FailoverCalculator.Settings.of(profile(new MonitorFrame("HTTP", 80, "/", Duration.ofSeconds(10),
                Duration.ofSeconds(5), 2), 60)));

        assertThat(calc.worstCaseProperty().get()).isEqualTo(Duration.ofSeconds(3 * 10 + 5 + 60));
        assertThat(calc.detectionProperty().get()).isEqualTo("Detection: (2 + 1) \u00d7 10 s + 5 s = 35 s");
        assertThat(calc.cachingProperty().get()).isEqualTo("DNS caching: up to the TTL, 1 min");
        assertThat(calc.summaryProperty().get()).isEqualTo("Worst-case automatic failover: 1 min 35 s");
        assertThat(calc.warnings()).as("Traffic Manager's usual settings").isEmpty();

        calc.intervalSecondsProperty().set(0.2);
        calc.timeoutSecondsProperty().set(0.15);
        calc.toleratedFailuresProperty().set(1);
        calc.ttlSecondsProperty().set(5);
        assertThat(calc.worstCaseProperty().get()).isEqualTo(Duration.ofMillis(2 * 200 + 150 + 5000));
        assertThat(calc.detectionProperty().get()).isEqualTo("Detection: (1 + 1) \u00d7 0.2 s + 0.15 s = 0.55 s");
    }

    @Test
    void eachRiskySettingIsWarnedAboutWithItsReason() {
        calc.prefill(FailoverCalculator.Settings.of(profile(new MonitorFrame("TCP", 443, null, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 2), 60)));

        calc.ttlSecondsProperty().set(300);
        assertThat(calc.warnings()).singleElement().asString().startsWith("TTL 5 min is long")
                .contains("keep sending traffic to the old endpoint for up to 5 min");

        calc.ttlSecondsProperty().set(0);
        assertThat(calc.warnings()).singleElement().asString().startsWith("TTL 0:").contains("every client lookup");

        calc.ttlSecondsProperty().set(30);
        calc.intervalSecondsProperty().set(30.0);
        calc.toleratedFailuresProperty().set(3);
        assertThat(calc.worstCaseProperty().get()).isEqualTo(Duration.ofSeconds(4 * 30 + 5 + 30));
        assertThat(calc.warnings()).singleElement().asString().startsWith("Detection takes 2 min 5 s");

        calc.toleratedFailuresProperty().set(1);
        calc.timeoutSecondsProperty().set(27.0);
        assertThat(calc.warnings()).singleElement().asString().startsWith("Timeout 27 s is close to the interval 30 s");

        calc.timeoutSecondsProperty().set(30.0);
        assertThat(calc.warnings()).singleElement().asString().startsWith("Timeout 30 s is not below the interval 30 s");
    }

    @Test
    void withoutAMonitorThereIsNoAutomaticFailoverOnlyTheTtlAfterAnOperatorActs() {
        calc.prefill(FailoverCalculator.Settings.of(profile(null, 60)));

        assertThat(calc.monitoredProperty().get()).isFalse();
        assertThat(calc.worstCaseProperty().get()).isNull();
        assertThat(calc.summaryProperty().get()).isEqualTo("No automatic failover: after an operator's change, "
                + "resolvers follow within 1 min");
        assertThat(calc.warnings()).singleElement().asString().startsWith("No monitor:");

        // Trying a monitor out starts from Traffic Manager's defaults: 30 s, 3 tolerated, 10 s.
        calc.monitoredProperty().set(true);
        assertThat(calc.worstCaseProperty().get()).isEqualTo(Duration.ofSeconds(4 * 30 + 10 + 60));
    }

    @Test
    void editsSurviveFramesWithTheSameSettingsAndGiveWayToChangedOnesOrAReset() {
        ProfileFrame p = profile(new MonitorFrame("HTTP", 80, "/", Duration.ofSeconds(10), Duration.ofSeconds(5), 2), 60);
        calc.prefill(FailoverCalculator.Settings.of(p));
        calc.ttlSecondsProperty().set(300);

        calc.prefill(FailoverCalculator.Settings.of(p));
        assertThat(calc.ttlSecondsProperty().get()).isEqualTo(300);

        calc.reset();
        assertThat(calc.ttlSecondsProperty().get()).isEqualTo(60);

        calc.ttlSecondsProperty().set(300);
        calc.prefill(FailoverCalculator.Settings.of(profile(p.monitor(), 20)));
        assertThat(calc.ttlSecondsProperty().get()).as("the gateway's config changed").isEqualTo(20);
    }

    private static ProfileFrame profile(MonitorFrame monitor, long ttl) {
        return new ProfileFrame("api.example.test", true, ttl, RoutingMethod.PRIORITY, true, List.of("10.0.0.1"),
                Instant.EPOCH, null, monitor, List.of());
    }
}

package dev.switchboard.engine.breaker;

import static dev.switchboard.engine.TestConfigs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.BreakerRule;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.ManualTicker;
import dev.switchboard.engine.Pick;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Duration S15 = Duration.ofSeconds(15);
    private static final Duration S30 = Duration.ofSeconds(30);

    private final ManualTicker ticker = new ManualTicker();
    private final List<EngineEvent> events = new ArrayList<>();

    private Engine engineWith(BreakerRule... rules) {
        Engine engine = engine(gateway(single("a", breaker(rules))), ticker);
        engine.addListener(events::add);
        return engine;
    }

    private static void send(Engine engine, int status) {
        engine.recordOutcome(engine.pick("a", null, null), status, null, null);
    }

    private static BreakerState state(Engine engine) {
        return engine.snapshot().backends().getFirst().breaker();
    }

    @Test
    void countRuleTripsOnTheConfiguredFailuresAndExplainsWhy() {
        Engine engine = engineWith(countRule("gw", 3, S15, S30, false));
        send(engine, 503);
        send(engine, 200);
        send(engine, 500);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
        assertThat(engine.pick("a", null, null).none()).isTrue();
        BreakerTransition t = (BreakerTransition) events.stream().filter(e -> e instanceof BreakerTransition).findFirst().orElseThrow();
        assertThat(t.backendId()).isEqualTo("a");
        assertThat(t.from()).isEqualTo(BreakerState.CLOSED);
        assertThat(t.to()).isEqualTo(BreakerState.OPEN);
        assertThat(t.rule()).isEqualTo("gw");
        assertThat(t.reason()).contains("3 failures in PT15S (503 x3)").contains("open for PT30S");
        assertThat(t.counters()).containsExactly(new RuleCounters("gw", 3, 5, S15));
    }

    @Test
    void errorReasonsCountAsFailures() {
        Engine engine = engineWith(countRule("gw", 2, S15, S30, false));
        engine.recordOutcome(engine.pick("a", null, null), 0, ErrorReason.BackendConnectionFailure, null);
        engine.recordOutcome(engine.pick("a", null, null), 0, ErrorReason.Timeout, null);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        engine.recordOutcome(engine.pick("a", null, null), 0, ErrorReason.BackendConnectionFailure, null);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void oldFailuresExpireAsTheWindowSlides() {
        Engine engine = engineWith(countRule("gw", 3, S15, S30, false));
        send(engine, 503);
        send(engine, 503);
        ticker.advanceSeconds(16);
        send(engine, 503);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        ticker.advanceSeconds(10);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void percentageRuleNeedsMinimumRequests() {
        Engine engine = engineWith(percentRule("pct", 50, 10, S15, S30));
        for (int i = 0; i < 9; i++) {
            send(engine, 500);
        }
        assertThat(state(engine)).as("9 requests are below the minimum of 10").isEqualTo(BreakerState.CLOSED);
        send(engine, 200);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        send(engine, 500);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
        assertThat(((BreakerTransition) events.getFirst()).reason()).contains("90% failures (10 of 11 requests)");
    }

    @Test
    void percentageBelowThresholdDoesNotTrip() {
        Engine engine = engineWith(percentRule("pct", 50, 10, S15, S30));
        for (int i = 0; i < 20; i++) {
            send(engine, i % 3 == 0 ? 500 : 200);
        }
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void retryAfterSecondsSetsTheTrip() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, true));
        engine.recordOutcome(engine.pick("a", null, null), 503, null, "120");
        ticker.advanceSeconds(119);
        assertThat(engine.pick("a", null, null).none()).isTrue();
        assertThat(engine.snapshot().backends().getFirst().openRemaining()).isEqualTo(Duration.ofSeconds(1));
        ticker.advanceSeconds(1);
        assertThat(engine.pick("a", null, null).none()).isFalse();
    }

    @Test
    void retryAfterHttpDateSetsTheTrip() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, true));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ticker.instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
        engine.recordOutcome(engine.pick("a", null, null), 503, null, date);
        assertThat(engine.snapshot().backends().getFirst().openRemaining()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void retryAfterIsCappedAndIgnoredWhenUnparseableOrNotAccepted() {
        Engine capped = engineWith(withMaxTrip(countRule("gw", 1, S15, S30, true), Duration.ofSeconds(60)));
        capped.recordOutcome(capped.pick("a", null, null), 503, null, "3600");
        assertThat(capped.snapshot().backends().getFirst().openRemaining()).isEqualTo(Duration.ofSeconds(60));

        Engine garbage = engineWith(countRule("gw", 1, S15, S30, true));
        garbage.recordOutcome(garbage.pick("a", null, null), 503, null, "soon");
        assertThat(garbage.snapshot().backends().getFirst().openRemaining()).isEqualTo(S30);

        Engine ignoring = engineWith(countRule("gw", 1, S15, S30, false));
        ignoring.recordOutcome(ignoring.pick("a", null, null), 503, null, "120");
        assertThat(ignoring.snapshot().backends().getFirst().openRemaining()).isEqualTo(S30);
    }

    @Test
    void halfOpenAdmitsLimitedTrialsAndClosesWhenAllSucceed() {
        Engine engine = engineWith(withHalfOpen(countRule("gw", 1, S15, S30, false), 2));
        send(engine, 503);
        ticker.advanceSeconds(30);
        Pick first = engine.pick("a", null, null);
        Pick second = engine.pick("a", null, null);
        assertThat(state(engine)).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(first.none()).isFalse();
        assertThat(second.none()).isFalse();
        assertThat(engine.pick("a", null, null).none()).as("only 2 trials at a time").isTrue();
        engine.recordOutcome(first, 200, null, null);
        assertThat(state(engine)).isEqualTo(BreakerState.HALF_OPEN);
        engine.recordOutcome(second, 200, null, null);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        assertThat(engine.snapshot().backends().getFirst().rules().getFirst().failures()).isZero();
    }

    @Test
    void halfOpenFailureOpensAgain() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, false));
        send(engine, 503);
        ticker.advanceSeconds(30);
        send(engine, 502);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
        assertThat(engine.snapshot().backends().getFirst().openRemaining()).isEqualTo(S30);
    }

    @Test
    void abandonedTrialGivesItsPermitBack() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, false));
        send(engine, 503);
        ticker.advanceSeconds(30);
        Pick trial = engine.pick("a", null, null);
        assertThat(engine.pick("a", null, null).none()).isTrue();
        engine.abandon(trial);
        assertThat(engine.pick("a", null, null).none()).isFalse();
    }

    @Test
    void forcedStatesHoldUntilReset() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, false));
        engine.forceBreaker("a", ForceAction.OPEN);
        assertThat(state(engine)).isEqualTo(BreakerState.FORCED_OPEN);
        ticker.advanceSeconds(3600);
        assertThat(engine.pick("a", null, null).none()).isTrue();
        engine.forceBreaker("a", ForceAction.CLOSED);
        send(engine, 503);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.FORCED_CLOSED);
        assertThat(engine.pick("a", null, null).none()).isFalse();
        engine.forceBreaker("a", ForceAction.RESET);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void severalRulesCanEachTrip() {
        Engine engine = engineWith(countRule("burst", 5, S15, S30, false), percentRule("rate", 50, 4, S15, S30));
        send(engine, 500);
        send(engine, 500);
        send(engine, 200);
        send(engine, 500);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
        assertThat(((BreakerTransition) events.getFirst()).rule()).isEqualTo("rate");
    }

    @Test
    void configSwapKeepsOpenStateAndDeadlineButResetsCountersWhenRulesChange() {
        Engine engine = engineWith(countRule("gw", 1, S15, S30, false));
        send(engine, 503);
        ticker.advanceSeconds(10);
        engine.applyConfig(gateway(single("a", breaker(countRule("gw", 2, S15, Duration.ofSeconds(5), false)))));
        EngineSnapshot.BackendView view = engine.snapshot().backends().getFirst();
        assertThat(view.breaker()).isEqualTo(BreakerState.OPEN);
        assertThat(view.openRemaining()).isEqualTo(Duration.ofSeconds(20));
        assertThat(view.rules().getFirst().requests()).isZero();
        ticker.advanceSeconds(20);
        send(engine, 200);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void configSwapWithSameRulesKeepsCounters() {
        Engine engine = engineWith(countRule("gw", 3, S15, S30, false));
        send(engine, 503);
        send(engine, 503);
        engine.applyConfig(gateway(single("a", breaker(countRule("gw", 3, S15, S30, false))), single("b")));
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void withoutHalfOpenTrialsTheBreakerClosesWhenTheTripEndsAsApimDoes() {
        Engine engine = engineWith(withHalfOpen(countRule("apim", 3, S15, S30, false), 0));
        send(engine, 503);
        send(engine, 503);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);

        ticker.advance(S30);
        assertThat(engine.pick("a", null, null).none()).isFalse();
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        assertThat(events).filteredOn(e -> e instanceof BreakerTransition).last()
                .satisfies(e -> assertThat(((BreakerTransition) e).reason()).isEqualTo("trip ended; reset without trial requests"));
        // Clean windows: one more failure does not reopen it, as a failed trial would.
        send(engine, 503);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.CLOSED);
        send(engine, 503);
        assertThat(state(engine)).isEqualTo(BreakerState.OPEN);
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange's clocks on an EmbeddedChannel's loop driven by a mock ticker: exact edges, no sleeps. */
class ExchangeTimersTest {

    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    private final List<String> fired = new ArrayList<>();
    private final ExchangeTimers timers = new ExchangeTimers(channel.eventLoop(), new DeadlineAlarm(channel.eventLoop()), new ExchangeTimers.Expiry() {
        @Override
        public void onTotalTimeout() {
            fired.add("total@" + elapsedMillis());
        }

        @Override
        public void onPerTryTimeout() {
            fired.add("perTry@" + elapsedMillis());
        }

        @Override
        public void onBodyStall() {
            fired.add("stall@" + elapsedMillis());
        }
    });
    private final long start = ticker.nanoTime();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(ticker.nanoTime() - start);
    }

    /** Moves virtual time forward and runs what became due. */
    private void advance(long millis) {
        ticker.advance(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void perTryFiresAtItsDeadlineAndNotANanosecondEarlier() {
        timers.startTotal(Duration.ofSeconds(10), Duration.ofSeconds(2));
        timers.startPerTry(Duration.ofSeconds(2));
        ticker.advance(Duration.ofSeconds(2).toNanos() - 1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).isEmpty();
        ticker.advance(1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).containsExactly("perTry@2000");
    }

    @Test
    void totalWinsWhenBothDeadlinesFallDue() {
        timers.startTotal(Duration.ofSeconds(3), Duration.ofSeconds(5));
        timers.startPerTry(Duration.ofSeconds(5));
        advance(3000);
        advance(5000);
        assertThat(fired).containsExactly("total@3000");
    }

    @Test
    void aRetryAfterAPerTryTimeoutStillEndsAtTheTotalDeadline() {
        timers.startTotal(Duration.ofSeconds(5), Duration.ofSeconds(2));
        timers.startPerTry(Duration.ofSeconds(2));
        advance(2000);
        timers.scheduleRetry(Duration.ofMillis(500), () -> {
            fired.add("retry@" + elapsedMillis());
            timers.startPerTry(Duration.ofSeconds(2));
        });
        for (int i = 0; i < 10; i++) {
            advance(500);
        }
        assertThat(fired).containsExactly("perTry@2000", "retry@2500", "perTry@4500", "total@5000");
    }

    @Test
    void aResponseHeadStopsThePerTryButNotTheTotalDeadline() {
        timers.startTotal(Duration.ofSeconds(4), Duration.ofSeconds(1));
        timers.startPerTry(Duration.ofSeconds(1));
        advance(500);
        timers.stopPerTry();
        advance(1000);
        assertThat(fired).isEmpty();
        advance(2500);
        assertThat(fired).containsExactly("total@4000");
    }

    @Test
    void nothingFiresOnceTheResponseStarted() {
        timers.startTotal(Duration.ofSeconds(2), Duration.ofSeconds(1));
        timers.startPerTry(Duration.ofSeconds(1));
        timers.stopDeadlines();
        advance(5000);
        assertThat(fired).isEmpty();
    }

    @Test
    void aRetryThatWouldEndAtTheDeadlineIsNotBeforeIt() {
        timers.startTotal(Duration.ofSeconds(2), Duration.ofSeconds(2));
        advance(1500);
        assertThat(timers.beforeDeadline(Duration.ofMillis(499))).isTrue();
        assertThat(timers.beforeDeadline(Duration.ofMillis(500))).isFalse();
    }

    @Test
    void aPendingRetryIsCancelledWhenTheExchangeEnds() {
        timers.startTotal(Duration.ofSeconds(10), Duration.ofSeconds(10));
        timers.scheduleRetry(Duration.ofSeconds(1), () -> fired.add("retry"));
        timers.stopAllButBodyWatch();
        advance(20_000);
        assertThat(fired).isEmpty();
    }

    @Test
    void theStallGuardCountsFromTheLastProgress() {
        timers.watchBody(Duration.ofSeconds(1));
        advance(900);
        timers.bodyProgress();
        advance(900);
        assertThat(fired).isEmpty();
        advance(100);
        assertThat(fired).containsExactly("stall@1900");
        advance(5000);
        assertThat(fired).hasSize(1);
    }

    @Test
    void aStoppedStallGuardStaysQuiet() {
        timers.watchBody(Duration.ofSeconds(1));
        timers.stopBodyWatch();
        advance(3000);
        assertThat(fired).isEmpty();
    }
}

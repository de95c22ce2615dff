package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keep-alive close in virtual time: 75 s advertised, closed 1 s later, never with a request in flight. */
class ClientIdleTimerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(75);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private ClientIdleTimer timer;

    @BeforeEach
    void freeze() {
        channel.freezeTime();
        timer = new ClientIdleTimer(channel, TIMEOUT);
    }

    @Test
    void anIdleConnectionClosesOnlyAfterTheAdvertisedTimeoutAndTheGrace() {
        timer.idle();
        advanceSeconds(75);
        assertThat(channel.isOpen()).as("open at exactly the advertised timeout").isTrue();
        advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(channel.isOpen()).isTrue();
        advance(Duration.ofNanos(1));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aRequestInFlightWhenTheTimerFiresKeepsTheConnectionOpen() {
        timer.idle();
        advanceSeconds(70);
        timer.busy();
        advanceSeconds(300);
        assertThat(channel.isOpen()).as("a long request is never cut by the idle timer").isTrue();
        timer.idle();
        advanceSeconds(75);
        assertThat(channel.isOpen()).as("the idle time counts from the end of the exchange").isTrue();
        advanceSeconds(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theTimeoutCountsFromTheLastExchangeNotTheFirst() {
        timer.idle();
        advanceSeconds(50);
        timer.busy();
        advanceSeconds(10);
        timer.idle();
        advanceSeconds(70);
        assertThat(channel.isOpen()).as("70 s after the last exchange, 130 s after the first").isTrue();
        advanceSeconds(6);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void stoppedTimerNeverCloses() {
        timer.idle();
        timer.stop();
        advanceSeconds(1000);
        assertThat(channel.isOpen()).isTrue();
    }

    private void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    private void advance(Duration by) {
        channel.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }
}

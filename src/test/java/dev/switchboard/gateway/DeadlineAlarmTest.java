package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection's shared deadline wake-up on an EmbeddedChannel's loop driven by a mock ticker: no sleeps. */
class DeadlineAlarmTest {

    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    private final DeadlineAlarm alarm = new DeadlineAlarm(channel.eventLoop());
    private final List<String> fired = new ArrayList<>();
    private final long start = ticker.nanoTime();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private Runnable note(String name) {
        return () -> fired.add(name + "@" + TimeUnit.NANOSECONDS.toMillis(ticker.nanoTime() - start));
    }

    private long at(long millis) {
        return start + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Moves virtual time forward, runs what became due and answers the delay to the next wake-up (-1: none). */
    private long advance(long millis) {
        ticker.advance(millis, TimeUnit.MILLISECONDS);
        return channel.runScheduledPendingTasks();
    }

    @Test
    void firesAtItsDeadlineAndNotANanosecondEarlier() {
        alarm.set(note("a"), at(1000));
        ticker.advance(TimeUnit.MILLISECONDS.toNanos(1000) - 1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).isEmpty();
        ticker.advance(1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).containsExactly("a@1000");
    }

    @Test
    void aLaterDeadlineKeepsThePendingWakeUpWhichThenReArmsForIt() {
        Runnable first = note("first");
        alarm.set(first, at(1000));
        alarm.clear(first);
        assertThat(advance(10)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(990));
        alarm.set(note("second"), at(1010));
        assertThat(channel.runScheduledPendingTasks()).as("still the first wake-up").isEqualTo(TimeUnit.MILLISECONDS.toNanos(990));
        assertThat(advance(990)).as("re-armed for the rest").isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(fired).isEmpty();
        advance(10);
        assertThat(fired).containsExactly("second@1010");
    }

    @Test
    void anEarlierDeadlineMovesTheWakeUpForward() {
        alarm.set(note("late"), at(5000));
        alarm.set(note("early"), at(500));
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        advance(500);
        assertThat(fired).containsExactly("early@500");
        assertThat(advance(10_000)).as("nothing left").isEqualTo(-1);
        assertThat(fired).hasSize(1);
    }

    @Test
    void aClearedDeadlineNeverFiresAndItsWakeUpLapses() {
        Runnable exchange = note("exchange");
        alarm.set(exchange, at(1000));
        alarm.clear(exchange);
        assertThat(advance(1000)).isEqualTo(-1);
        assertThat(fired).isEmpty();
    }

    @Test
    void clearingAnotherOwnerLeavesTheCurrentOneDue() {
        Runnable previous = note("previous");
        alarm.set(previous, at(100));
        alarm.set(note("current"), at(200));
        alarm.clear(previous);
        advance(200);
        assertThat(fired).containsExactly("current@200");
    }

    @Test
    void stopCancelsTheWakeUp() {
        alarm.set(note("a"), at(1000));
        alarm.stop();
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1);
        advance(2000);
        assertThat(fired).isEmpty();
    }

    @Test
    void manyShortExchangesInARowScheduleOneWakeUp() {
        for (int i = 0; i < 1000; i++) {
            Runnable exchange = note("exchange" + i);
            alarm.set(exchange, ticker.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            ticker.advance(1, TimeUnit.MILLISECONDS);
            alarm.clear(exchange);
        }
        assertThat(channel.runScheduledPendingTasks()).as("the first exchange's wake-up, 29 s away")
                .isEqualTo(TimeUnit.SECONDS.toNanos(29));
        assertThat(advance(29_000)).as("it lapses: nothing is due").isEqualTo(-1);
        assertThat(fired).isEmpty();
    }
}

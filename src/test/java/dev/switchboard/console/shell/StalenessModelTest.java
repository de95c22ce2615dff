package dev.switchboard.console.shell;

import dev.switchboard.console.common.FakeGateway;
import dev.switchboard.console.feed.FrameBatch;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.gateways.GatewayRow;
import dev.switchboard.console.history.BreakerHistory;
import dev.switchboard.console.pools.MemberRow;
import dev.switchboard.engine.Availability;
import dev.switchboard.telemetry.client.ConnectionState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.common.Frames.frame;
import static dev.switchboard.console.common.Frames.member;
import static dev.switchboard.console.common.Frames.requests;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's own staleness check on its clock, in virtual time: no toolkit, no gateway. */
class StalenessModelTest {

    private final AtomicLong now = new AtomicLong(10_000);
    private final ConsoleModel model = new ConsoleModel(List.of(new FakeGateway("gw1", new ArrayList<>(), () -> false)),
            Runnable::run, new VirtualClock(now));

    @Test
    void aGatewayWhoseStatsStopTurnsStaleAfterThreePeriodsAndLiveWithTheNextInterval() {
        model.apply(batch(stats(1, 10_000)));
        assertThat(model.selectedLiveProperty().get()).isTrue();

        now.set(12_900); // 2.9 s of silence: the stats period is 1 s, so not yet (3 periods)
        model.tick();
        assertThat(row().stateProperty().get()).isEqualTo(ConnectionState.LIVE);

        now.set(13_100);
        model.tick();
        assertThat(row().stateProperty().get()).isEqualTo(ConnectionState.STALE);
        assertThat(row().stateReasonProperty().get()).startsWith("no statistics for 3.1 s (expected every 1 s)");
        assertThat(model.selectedLiveProperty().get()).isFalse();
        assertThat(breakers().segments().getLast().gap()).isTrue();
        // The gap starts when the last data came, not when the console noticed.
        assertThat(breakers().segments().getLast().startMillis()).isEqualTo(10_000);

        now.set(14_000);
        model.apply(batch(stats(2, 14_000)));
        assertThat(row().stateProperty().get()).isEqualTo(ConnectionState.LIVE);
        assertThat(model.selectedLiveProperty().get()).isTrue();
        assertThat(breakers().segments().getLast().gap()).isFalse();
        assertThat(model.ticksProperty().get()).isEqualTo(2);
    }

    @Test
    void aDisconnectedGatewayIsNotLiveAndItsTimelineHasAGapUntilItIsBack() {
        model.apply(batch(stats(1, 10_000)));
        now.set(10_500);
        model.apply(batch(stats(1, 10_200).withConnection(ConnectionState.DISCONNECTED, "connection refused")));
        assertThat(model.selectedLiveProperty().get()).isFalse();
        assertThat(breakers().segments()).extracting(BreakerHistory.Segment::startMillis).containsExactly(10_000L, 10_200L);
        assertThat(breakers().segments().getLast().gap()).isTrue();

        now.set(30_000);
        model.apply(batch(stats(1, 30_000)));
        // Back up: live at once, before its first new interval arrives.
        assertThat(model.selectedLiveProperty().get()).isTrue();
        assertThat(row().stateProperty().get()).isEqualTo(ConnectionState.LIVE);
    }

    @Test
    void aStaleGatewaysOverridesStayShownForTheyAreStillInForceOnIt() {
        OverrideFrame weight = new OverrideFrame(OverrideFrame.WEIGHT, "p", "a", "50", "20", "alice",
                Instant.ofEpochSecond(9));
        GatewayFrame live = stats(1, 10_000);
        model.apply(batch(new GatewayFrame(live.gatewayId(), live.configId(), live.connection(), "", live.version(),
                live.hash(), live.at(), live.backends(), live.pools(), live.statsSequence(), live.stats(),
                live.profiles(), List.of(weight))));
        MemberRow member = model.pools().pools().getFirst().rows().getFirst();
        assertThat(member.overrideProperty(OverrideFrame.WEIGHT).get()).isEqualTo(weight);

        now.set(13_100);
        model.tick();
        assertThat(model.selectedFrame().connection()).isEqualTo(ConnectionState.STALE);
        assertThat(member.overrideProperty(OverrideFrame.WEIGHT).get()).as("weight badge while stale").isEqualTo(weight);
        assertThat(model.overrides().overrides()).as("overrides list while stale").containsExactly(weight);
    }

    private GatewayRow row() {
        return model.gateways().rows().getFirst();
    }

    private BreakerHistory breakers() {
        return model.history().breakers().get("a");
    }

    private static GatewayFrame stats(long seq, long at) {
        return frame("gw1", "h", at, seq, List.of(member("a", 50, 1, Availability.AVAILABLE)), Map.of("a", requests(5)));
    }

    private static FrameBatch batch(GatewayFrame f) {
        return new FrameBatch(List.of(f), List.of());
    }

    /** A clock the test moves by hand. */
    private static final class VirtualClock extends Clock {
        private final AtomicLong millis;

        VirtualClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}

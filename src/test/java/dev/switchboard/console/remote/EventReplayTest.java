package dev.switchboard.console.remote;

import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventReplayTest {

    private final EventReplay replay = new EventReplay();

    @Test
    void twoChangesByOneOperatorInOneMillisecondAreTwoRecordsAndEachIsShownOnce() {
        OperatorAction first = new OperatorAction(1_000, "dana", "set-weight", "shop/blue", "11", "12", 7);
        OperatorAction second = new OperatorAction(1_000, "dana", "set-weight", "shop/blue", "12", "13", 8);

        assertThat(replay.firstSight(5, 41, first)).isTrue();
        assertThat(replay.firstSight(5, 42, second)).as("same millisecond, another change").isTrue();
        // The same records again from the audit log, which has no event ids.
        assertThat(replay.firstSight(0, 0, first)).isFalse();
        assertThat(replay.firstSight(0, 0, second)).isFalse();
    }

    @Test
    void anAuditRecordWithoutValuesIsKeyedToo() {
        OperatorAction clear = new OperatorAction(2_000, "dana", "clear-overrides", "*", null, null, 9);
        assertThat(replay.firstSight(0, 0, clear)).isTrue();
        assertThat(replay.firstSight(5, 43, clear)).isFalse();
    }
}

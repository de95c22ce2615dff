package dev.switchboard.console.common;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationTextTest {

    @Test
    void durationsReadAsOperatorsSayThem() {
        assertThat(DurationText.of(Duration.ofMillis(550))).isEqualTo("0.55 s");
        assertThat(DurationText.of(Duration.ofSeconds(41))).isEqualTo("41 s");
        assertThat(DurationText.of(Duration.ofSeconds(300))).isEqualTo("5 min");
        assertThat(DurationText.of(Duration.ofSeconds(190))).isEqualTo("3 min 10 s");
        assertThat(DurationText.of(Duration.ofSeconds(7500))).isEqualTo("2 h 5 min");
        assertThat(DurationText.of(Duration.ofSeconds(Integer.MAX_VALUE))).isEqualTo("24855 d 3 h");
    }

    @Test
    void countdownsRoundUpSoZeroMeansDone() {
        assertThat(DurationText.clock(Duration.ofMillis(29_001))).isEqualTo("00:30");
        assertThat(DurationText.clock(Duration.ofMillis(1))).isEqualTo("00:01");
        assertThat(DurationText.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}

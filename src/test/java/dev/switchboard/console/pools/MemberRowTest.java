package dev.switchboard.console.pools;

import dev.switchboard.console.health.BackendHealth;
import dev.switchboard.console.health.BackendNumbers;
import dev.switchboard.console.health.BackendStatus;
import dev.switchboard.console.health.HealthLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card off screen takes no text changes (each costs a layout), yet its health stays current for filters. */
class MemberRowTest {

    private static BackendStatus status(double perSecond, HealthLevel level) {
        BackendNumbers numbers = new BackendNumbers(perSecond, 40, 100, 0, 0, 0, 0, 0, 0, 5, 9);
        return new BackendStatus("b1", numbers, new BackendHealth.Verdict(level, ""), "", 0, false);
    }

    @Test
    void offScreenRowKeepsHealthCurrentAndCatchesUpOnTheNewestNumbersWhenShown() {
        MemberRow row = new MemberRow("p", "b1");
        row.showStatus(status(20, HealthLevel.GREEN), () -> new double[] {20}, 1_000);
        String shown = row.numbersProperty().get();
        assertThat(shown).contains("20");

        row.setOnScreen(false);
        row.showStatus(status(31, HealthLevel.YELLOW), () -> new double[] {20, 31}, 2_000);
        row.showStatus(status(47, HealthLevel.RED), () -> new double[] {20, 31, 47}, 3_000);

        assertThat(row.healthProperty().get()).isEqualTo(HealthLevel.RED);
        assertThat(row.numbersProperty().get()).isEqualTo(shown);
        assertThat(row.sparklineProperty().get()).containsExactly(20);

        row.setOnScreen(true);
        assertThat(row.numbersProperty().get()).contains("47").doesNotContain("31");
        assertThat(row.statusProperty().get().numbers().perSecond()).isEqualTo(47);
        assertThat(row.sparklineProperty().get()).containsExactly(20, 31, 47);
    }

    @Test
    void theSparklineIsDrawnAgainOnlyWhenTimeMovedAPixelWhileTheNumbersFollowEveryFrame() {
        MemberRow row = new MemberRow("p", "b1");
        row.showStatus(status(20, HealthLevel.GREEN), () -> new double[] {20}, 1_000);
        row.showStatus(status(31, HealthLevel.GREEN), () -> new double[] {20, 31}, 1_250);

        assertThat(row.numbersProperty().get()).contains("31");
        assertThat(row.sparklineProperty().get()).containsExactly(20);

        row.showStatus(status(47, HealthLevel.GREEN), () -> new double[] {20, 31, 47}, 1_000 + MemberRow.SPARKLINE_STEP_MILLIS);
        assertThat(row.sparklineProperty().get()).containsExactly(20, 31, 47);

        // Back on screen, a card draws its newest line at once, however recently the old one was drawn.
        row.setOnScreen(false);
        row.showStatus(status(12, HealthLevel.GREEN), () -> new double[] {20, 31, 47, 12}, 1_600);
        row.setOnScreen(true);
        assertThat(row.sparklineProperty().get()).containsExactly(20, 31, 47, 12);
    }
}

package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.AdminConfig.AdminRole;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One budget per token, refilled in (virtual) time. */
class CommandBudgetsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CommandBudgets budgets = new CommandBudgets(TelemetryLimits.DEFAULTS.withCommandBudget(10, 5), nanos::get);
    private final Principal viewer = new Principal("victor", AdminRole.VIEWER);
    private final Principal operator = new Principal("alice", AdminRole.OPERATOR);

    @Test
    void aTokenGetsItsBurstThenItsRate() {
        assertThat(takes(viewer, 100)).isEqualTo(5);
        nanos.addAndGet(1_000_000_000L);
        assertThat(takes(viewer, 100)).as("one second at 10 per second").isEqualTo(5);
        nanos.addAndGet(300_000_000L);
        assertThat(takes(viewer, 100)).isEqualTo(3);
    }

    @Test
    void tokensHaveSeparateBudgetsAndTheRefusalNamesTheToken() {
        assertThat(takes(viewer, 100)).isEqualTo(5);
        assertThat(takes(operator, 100)).isEqualTo(5);
        assertThat(budgets.refusal(viewer)).isEqualTo("token 'victor' sent more than 10 commands per second (bursts of 5, "
                + "shared by all its connections); slow down");
    }

    private int takes(Principal who, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            taken += budgets.tryTake(who) ? 1 : 0;
        }
        return taken;
    }
}

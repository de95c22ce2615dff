package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.telemetry.server.TelemetryLimits;
import dev.switchboard.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 6: a viewer token spamming {@code resync} made the gateway send 19,996 snapshots (408 MB) in 10 s
 * over 4 connections. Every command now counts against one budget per token, and a resync is coalesced while one is
 * in flight.
 */
class ControlPlaneAmplificationTest {

    private static final int CONNECTIONS = 4;
    private static final int RESYNCS_EACH = 500;

    @Test
    void aViewerSpammingResyncOverFourConnectionsGetsOneTokensBudgetOfSnapshots() {
        TelemetryLimits limits = TelemetryLimits.DEFAULTS;
        try (TelemetryHarness h = new TelemetryHarness(limits)) {
            List<RawConsole> consoles = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                RawConsole c = h.raw(TelemetryHarness.VIEWER);
                c.next("snapshot");
                consoles.add(c);
            }
            RawConsole operator = h.raw(TelemetryHarness.OPERATOR);
            operator.next("snapshot");

            long start = System.nanoTime();
            for (int i = 0; i < RESYNCS_EACH; i++) {
                for (int c = 0; c < CONNECTIONS; c++) {
                    consoles.get(c).send("{\"type\":\"resync\",\"id\":\"r" + c + "-" + i + "\"}");
                }
            }
            // A viewer's setWeight is answered (RATE_LIMITED or FORBIDDEN) after everything sent before it.
            consoles.forEach(c -> c.send("{\"type\":\"setWeight\",\"id\":\"end\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":1}"));
            int snapshots = 0;
            int limited = 0;
            long snapshotBytes = 0;
            for (RawConsole c : consoles) {
                for (JsonNode m = c.next(any -> true); !m.path("id").asText().equals("end"); m = c.next(any -> true)) {
                    if (m.path("type").asText().equals("snapshot")) {
                        snapshots++;
                        snapshotBytes += m.toString().length();
                    } else if (m.path("code").asText().equals("RATE_LIMITED")) {
                        limited++;
                        assertThat(m.path("message").asText()).contains("token 'victor'", "commands per second", "shared by all its connections");
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            // One token's budget over the whole window, whatever the number of connections (per-connection budgets
            // would allow 4 times the burst and rate; no budget at all, 2,000 snapshots).
            long budget = (long) Math.ceil(limits.commandBurst() + limits.commandsPerSecond() * seconds);
            System.out.printf("%d resyncs over %d connections in %.2f s: %d snapshots (%d bytes), %d refused (budget %d)%n",
                    CONNECTIONS * RESYNCS_EACH, CONNECTIONS, seconds, snapshots, snapshotBytes, limited, budget);
            assertThat(snapshots).isLessThanOrEqualTo((int) budget);
            // The flood: 408 MB in 10 s. Here a snapshot is a few KB, so the budget bounds the bytes too.
            assertThat(snapshotBytes).isLessThan(budget * 16 * 1024);
            // Every resync counted: those not refused were at most the budget (coalesced ones are answered by the snapshot in flight).
            assertThat(CONNECTIONS * RESYNCS_EACH - limited).isLessThanOrEqualTo((int) budget);
            assertThat(consoles).allMatch(RawConsole::isOpen);

            // Another token has its own budget: the operator is not locked out by the viewer's spam.
            operator.send("{\"type\":\"resync\",\"id\":\"op\"}");
            assertThat(operator.next("snapshot").path("state").path("backends").size()).isEqualTo(2);
        }
    }

    @Test
    void resyncsWhileTheConsoleCannotTakeThemAreCoalescedIntoOneSnapshot() {
        int resyncs = 300;
        // A budget that allows every resync, and no refill: only coalescing can bound the snapshots.
        TelemetryLimits limits = TelemetryLimits.DEFAULTS.withCommandBudget(0.001, resyncs);
        try (TelemetryHarness h = new TelemetryHarness(limits)) {
            // A full ring of recent events makes every snapshot some 40 KB, so a few fill the socket buffers.
            for (int i = 0; i < limits.recentEvents(); i++) {
                h.gateway.engine().setWeight("pool", "b", 1 + i % 2);
            }
            RawConsole slow = h.raw(TelemetryHarness.VIEWER, 4096);
            slow.next("snapshot");
            RawConsole probe = h.raw(TelemetryHarness.VIEWER);
            probe.next("snapshot");

            CountDownLatch paused = new CountDownLatch(1);
            slow.paused = paused;
            for (int i = 0; i < resyncs; i++) {
                slow.send("{\"type\":\"resync\",\"id\":\"s" + i + "\"}");
            }
            // The probe shares the budget: once it is refused, every resync of the slow console was counted and handed
            // to the hub (one decoder thread, one hub thread, in order) before the refusal.
            int[] attempt = {0};
            Eventually.await("the token's budget spent", Duration.ofSeconds(10), () -> {
                String id = "p" + attempt[0]++;
                probe.send("{\"type\":\"resync\",\"id\":\"" + id + "\"}");
                JsonNode answer = probe.next(m -> m.path("type").asText().equals("snapshot") || id.equals(m.path("id").asText()));
                return answer.path("code").asText().equals("RATE_LIMITED");
            });
            slow.send("{\"type\":\"setWeight\",\"id\":\"end\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":1}");
            slow.paused = null;
            paused.countDown();

            int snapshots = 0;
            for (JsonNode m = slow.next(any -> true); !m.path("id").asText().equals("end"); m = slow.next(any -> true)) {
                if (m.path("type").asText().equals("snapshot")) {
                    snapshots++;
                }
            }
            System.out.printf("%d resyncs from a console not reading: %d snapshots%n", resyncs, snapshots);
            // What the socket buffers took before the console stalled, plus the one waiting in the outbox.
            assertThat(snapshots).isLessThan(resyncs / 10);
            assertThat(slow.isOpen()).isTrue();
        }
    }
}

package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.telemetry.server.TelemetryLimits;
import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A console that stops reading is cut off with bounded memory, and the others carry on. */
class SlowConsumerTest {

    @Test
    void aConsoleThatNeverReadsIsDisconnectedAndOthersAreNotAffected() throws IOException {
        TelemetryLimits limits = TelemetryLimits.DEFAULTS.withStallTimeout(Duration.ofSeconds(1)).withMaxQueuedMessages(500);
        try (TelemetryHarness h = new TelemetryHarness(limits); Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", h.admin.port()));
            stalled.getOutputStream().write(("GET /telemetry HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer "
                    + TelemetryHarness.VIEWER + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawConsole healthy = h.raw(TelemetryHarness.VIEWER);
            healthy.next("snapshot");
            Eventually.await("both connected", Duration.ofSeconds(5), () -> h.admin.consoles() == 2);

            // Flood: every weight change is an event for every console.
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 0; h.admin.consoles() == 2 && System.nanoTime() < end; i++) {
                h.gateway.engine().setWeight("pool", "b", 1 + i % 2);
            }
            Eventually.await("the stalled console is cut off", Duration.ofSeconds(15), () -> h.admin.consoles() == 1);
            assertThat(healthy.isOpen()).isTrue();
            healthy.send("{\"id\":\"still-there\",\"type\":\"resync\"}");
            healthy.next("snapshot");

            stalled.setSoTimeout(10_000);
            InputStream in = stalled.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                }
            } catch (IOException reset) {
                // a reset is as good as an end: the gateway dropped the connection
            }
            assertThat(total).as("bytes the stalled console could still read").isLessThan(16L * 1024 * 1024);
        }
    }
}

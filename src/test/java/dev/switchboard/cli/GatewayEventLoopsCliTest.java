package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.SwitchboardProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard gateway --event-loops N} in a real process: the flag's count wins over gateway.eventLoops, and a
 * reload keeps it without warning that event loops change only at the next start. */
class GatewayEventLoopsCliTest {

    @TempDir
    Path dir;

    @Test
    void theFlagsCountWinsOverTheConfigsAcrossReloads() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                { "gateway": { "eventLoops": 1 },
                  "backends": { "a": { "url": "http://127.0.0.1:1" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """);
        Path output = dir.resolve("gateway.log");
        Process gateway = SwitchboardProcess.start(output, "gateway", "--config", config.toString(), "--listen", "127.0.0.1:0",
                "--event-loops", "3");
        try {
            // The watcher starts after the listener: a change written before it watches would go unseen.
            Eventually.awaitText(output, "for changes", Duration.ofSeconds(60));
            assertThat(Files.readString(output)).contains("(3 event loops,");
            Files.writeString(config, Files.readString(config).replace("\"name\": \"api\"", "\"name\": \"renamed\""));
            Eventually.awaitText(output, "applied a new config", Duration.ofSeconds(60));
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(output)).doesNotContain("apply at the next start only");
    }
}

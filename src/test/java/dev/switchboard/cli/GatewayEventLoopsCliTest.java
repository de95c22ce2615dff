package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.SwitchboardProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard gateway --event-loops N} in a real process: the flag's count wins over gateway.eventLoops, and a
 * reload keeps it without warning that event loops change only at the next start. */
class GatewayEventLoopsCliTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            { "gateway": { "eventLoops": 1, "maxHeaderSize": 16384 },
              "backends": { "a": { "url": "http://127.0.0.1:1" } },
              "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
            """;

    @Test
    void theFlagsCountWinsOverTheConfigsAcrossReloads() throws Exception {
        String output = reloaded("\"name\": \"api\"", "\"name\": \"renamed\"", "--event-loops", "3");
        assertThat(output).contains("(3 event loops,").doesNotContain("apply at the next start only");
    }

    @Test
    void aMaxHeaderSizeChangedOnReloadIsSaidToApplyAtTheNextStart() throws Exception {
        // Netty's decoder takes the limit when a connection opens; the running listener keeps the old one.
        String output = reloaded("\"maxHeaderSize\": 16384", "\"maxHeaderSize\": 65536");
        assertThat(output).contains("maxHeaderSize, tls and the access log apply at the next start only");
    }

    /** The gateway's output after it started on CONFIG with {@code flags} and applied CONFIG with {@code from} replaced. */
    private String reloaded(String from, String to, String... flags) throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, CONFIG);
        Path output = dir.resolve("gateway.log");
        List<String> args = new ArrayList<>(List.of("gateway", "--config", config.toString(), "--listen", "127.0.0.1:0"));
        args.addAll(List.of(flags));
        Process gateway = SwitchboardProcess.start(output, args.toArray(String[]::new));
        try {
            Eventually.awaitText(output, "for changes", Duration.ofSeconds(60));
            Files.writeString(config, CONFIG.replace(from, to));
            Eventually.awaitText(output, "applied a new config", Duration.ofSeconds(60));
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        return Files.readString(output);
    }
}

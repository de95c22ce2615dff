package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.SwitchboardProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard gateway --warmup N} in a real process: it warms up before listening, and then serves its real backend. */
class GatewayWarmupCliTest {

    private static final Pattern LISTENING = Pattern.compile("gateway 'gateway' listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void warmsUpBeforeListeningThenServes() throws Exception {
        try (SimBackend real = new SimBackend("real")) {
            real.start(new InetSocketAddress("127.0.0.1", 0));
            Path config = dir.resolve("gateway.json");
            Files.writeString(config, """
                    { "gateway": { "eventLoops": 1, "warmup": { "maxMs": 30000 } },
                      "backends": { "a": { "url": "http://127.0.0.1:%d" } },
                      "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                    """.formatted(real.port()));
            Path output = dir.resolve("gateway.log");
            // The build's tests run with SWITCHBOARD_WARMUP=0: the flag must win over it.
            Process gateway = SwitchboardProcess.start(output, "gateway", "--config", config.toString(), "--listen", "127.0.0.1:0",
                    "--warmup", "300");
            try {
                Eventually.awaitText(output, "for changes", Duration.ofSeconds(60));
                String log = Files.readString(output);
                assertThat(log).containsPattern("warm-up: 300 requests in \\d+\\.\\d s");
                assertThat(real.counters().requests()).isZero();
                // The throwaway gateway logs its own listening line, under the id "gateway-warmup".
                Matcher port = LISTENING.matcher(log);
                assertThat(port.find()).isTrue();
                assertThat(log.indexOf("warm-up:")).isLessThan(port.start());
                HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + "/x")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(real.counters().requests()).isEqualTo(1);
            } finally {
                gateway.destroy();
                assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}

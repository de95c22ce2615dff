package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard gateway --admin HOST:PORT} starts the admin listener in a real process; SIGTERM stops it. */
class GatewayAdminCliTest {

    @TempDir
    Path dir;

    @Test
    void theAdminFlagOverridesTheConfiguredListener() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process gateway = start("127.0.0.1:" + port);
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
            Eventually.await("admin listener up", Duration.ofSeconds(20), () -> status(http, metrics, null) == 401);
            assertThat(status(http, metrics, "ops-token-0123456789")).isEqualTo(200);
            assertThat(status(http, URI.create("http://127.0.0.1:" + port + "/healthz"), null)).isEqualTo(200);
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("gateway.log"))).contains("admin listener on http://127.0.0.1:" + port, "gateway stopped");
        assertThat(gateway.exitValue()).as("exit code after SIGTERM and drain").isZero();
    }

    @Test
    void anAdminListenerOnPortZeroLogsThePortItGot() throws Exception {
        Process gateway = start("127.0.0.1:0");
        Path log = dir.resolve("gateway.log");
        Pattern line = Pattern.compile("admin listener on http://127\\.0\\.0\\.1:(\\d+) ");
        try (HttpClient http = HttpClient.newHttpClient()) {
            Eventually.awaitText(log, "admin listener on", Duration.ofSeconds(20));
            Matcher logged = line.matcher(Files.readString(log));
            assertThat(logged.find()).isTrue();
            assertThat(Integer.parseInt(logged.group(1))).as("the bound port, not the 0 asked for").isPositive();
            assertThat(status(http, URI.create("http://127.0.0.1:" + logged.group(1) + "/healthz"), null)).isEqualTo(200);
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The gateway command in its own process, its output in gateway.log, with --admin {@code admin}. */
    private Process start(String admin) throws IOException {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                { "backends": { "a": { "url": "http://127.0.0.1:1" } },
                  "admin": { "listen": "127.0.0.1:1", "tokens": [ { "name": "ops", "token": "ops-token-0123456789", "role": "operator" } ] } }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.cli.Main", "gateway", "--config", config.toString(),
                "--listen", "127.0.0.1:0", "--admin", admin))
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile()).start();
    }

    private static int status(HttpClient http, URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

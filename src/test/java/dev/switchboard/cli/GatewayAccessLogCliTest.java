package dev.switchboard.cli;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard gateway --access-log FILE} in a real process: the flag's file wins, the config's format stays. */
class GatewayAccessLogCliTest {

    @TempDir
    Path dir;

    @Test
    void theFlagRedirectsTheConfiguredLog() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path configured = dir.resolve("configured.log");
        Path flagged = dir.resolve("flag/access.log");
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                { "gateway": { "accessLog": { "path": "%s", "format": "text" } },
                  "backends": { "a": { "url": "http://127.0.0.1:1" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """.formatted(configured));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process gateway = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.cli.Main", "gateway", "--config", config.toString(),
                "--listen", "127.0.0.1:" + port, "--access-log", flagged.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile()).start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/logged");
            Eventually.await("gateway answering", Duration.ofSeconds(20), () -> status(http, uri) == 502);
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readAllLines(flagged)).last().asString()
                .startsWith("127.0.0.1 [").contains(" api a/a ", " 502 ", "\"GET /logged\" a=BackendConnectionFailure(single backend)");
        assertThat(configured).doesNotExist();
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** {@code switchboard gateway --access-log FILE} in a real process: the flag's file wins, the config's format stays,
 * and a reload keeps both without a warning. */
class GatewayAccessLogCliTest {

    @TempDir
    Path dir;

    @Test
    void theFlagRedirectsTheConfiguredLogAcrossReloads() throws Exception {
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
        Path output = dir.resolve("gateway.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process gateway = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.switchboard.cli.Main", "gateway", "--config", config.toString(),
                "--listen", "127.0.0.1:" + port, "--access-log", flagged.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/logged");
            Eventually.await("gateway answering", Duration.ofSeconds(20), () -> status(http, uri) == 502);
            // A reload keeps the flag's file: the reloaded config gets the same override, so nothing to warn about.
            Files.writeString(config, Files.readString(config).replace("\"name\": \"api\"", "\"name\": \"renamed\""));
            Eventually.await("the reload applied", Duration.ofSeconds(20), () -> contains(output, "applied a new config"));
            assertThat(status(http, URI.create("http://127.0.0.1:" + port + "/reloaded"))).isEqualTo(502);
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        List<String> lines = Files.readAllLines(flagged);
        // Waiting for the gateway may take more than one /logged request (one can time out on a busy machine).
        assertThat(lines).filteredOn(l -> l.contains("/logged")).isNotEmpty().allSatisfy(l -> assertThat(l)
                .startsWith("127.0.0.1 [").contains(" api a/a ", " 502 ", "\"GET /logged\" a=BackendConnectionFailure(single backend)"));
        assertThat(lines.getLast()).contains(" renamed a/a ", "\"GET /reloaded\"");
        assertThat(lines).filteredOn(l -> !l.contains("/logged")).containsExactly(lines.getLast());
        assertThat(configured).doesNotExist();
        assertThat(Files.readString(output)).doesNotContain("apply at the next start only");
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.server.AdminServer;
import dev.switchboard.testing.Eventually;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code admin.tls}, REST answers over HTTPS and the stream over {@code wss://}. */
class AdminTlsTest {

    private static final String TOKEN = "tls-viewer-token-0001";

    @TempDir
    Path dir;

    @Test
    void restAndStreamWorkOverTls() throws Exception {
        Path keystore = dir.resolve("admin.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "admin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit")).redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, """
                { "backends": { "a": { "url": "http://127.0.0.1:1" } },
                  "admin": { "listen": "127.0.0.1:0", "tls": { "keystore": "admin.p12", "password": "changeit" },
                             "tokens": [ { "name": "tls", "token": "%s", "role": "viewer" } ] } }
                """.formatted(TOKEN));
        GatewayConfig config = ConfigLoader.load(file).orThrow();
        SSLContext trusting = trusting(keystore);
        try (Gateway gateway = Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
             AdminServer admin = AdminServer.start(gateway, config.admin(), file);
             HttpClient http = HttpClient.newBuilder().sslContext(trusting).build();
             TelemetryClient client = TelemetryClient.builder(URI.create("wss://127.0.0.1:" + admin.port() + "/telemetry"), TOKEN)
                     .sslContext(trusting).build()) {
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + admin.port() + "/api/state"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"id\":\"a\"");
            client.start();
            Eventually.await("live over wss", Duration.ofSeconds(10), () -> client.status().state() == ConnectionState.LIVE_IDLE);
            assertThat(client.model().backend("a")).isNotNull();
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}

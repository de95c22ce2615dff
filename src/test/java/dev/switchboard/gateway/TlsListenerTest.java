package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gateway.tls: the listener serves HTTPS with the keystore's certificate and tells backends the client used https. */
class TlsListenerTest {

    @TempDir
    static Path dir;

    private static Path keystore;
    private static SSLContext trusting;

    private final GatewayHarness h = new GatewayHarness();

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = TestKeystores.localhost(dir, "gateway");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TestKeystores.load(keystore));
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private String config(String alias) {
        return """
                { "gateway": { "tls": { "keystore": "%s", "password": "%s" %s } },
                  "backends": { "a": { "url": "http://${a}" } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "a" } ] }
                """.formatted(keystore.toString().replace("\\", "\\\\"), TestKeystores.PASSWORD, alias);
    }

    @Test
    void servesHttpsAndForwardsProtoHttps() throws Exception {
        h.sims("a").start(config(", \"alias\": \"gateway\""));
        try (HttpClient client = HttpClient.newBuilder().sslContext(trusting).connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + h.gateway.port() + "/x"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Sim-Seen-X-Forwarded-Proto")).contains("https");
        }
    }

    @Test
    void anAliasThatIsNotInTheKeystoreStopsTheStart() {
        h.sims("a");
        assertThatThrownBy(() -> Gateway.start(h.config(config(", \"alias\": \"other\"")), new InetSocketAddress("127.0.0.1", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no key entry named 'other'");
    }
}

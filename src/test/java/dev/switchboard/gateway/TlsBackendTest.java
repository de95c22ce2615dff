package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https backends: certificates are checked unless the backend's tls settings switch the checks off. */
class TlsBackendTest {

    @TempDir
    static Path dir;

    private static SSLContext ssl;

    private final GatewayHarness h = new GatewayHarness();
    private HttpsServer backend;

    /** A self-signed certificate for "localhost" only, made once for the class (keytool is slow). */
    @BeforeAll
    static void makeCertificate() throws Exception {
        KeyStore ks = TestKeystores.load(TestKeystores.localhost(dir, "backend"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, TestKeystores.PASSWORD.toCharArray());
        ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
    }

    @BeforeEach
    void startTlsBackend() throws Exception {
        backend = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        backend.setHttpsConfigurator(new HttpsConfigurator(ssl));
        backend.createContext("/", exchange -> {
            byte[] body = ("tls ok " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void close() {
        backend.stop(0);
        h.close();
    }

    private String config(String host, String tls) {
        return """
                { "backends": { "s": { "url": "https://%s:%d/base" %s } },
                  "apis": [ { "name": "api", "path": "/", "backendId": "s" } ] }
                """.formatted(host, backend.getAddress().getPort(), tls);
    }

    @Test
    void untrustedCertificateIsRefusedByDefault() {
        h.start(config("localhost", ""));
        HttpResponse<String> r = h.get("/x");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("TLS handshake with backend 's' failed").contains("certificate");
    }

    @Test
    void chainValidationOffAcceptsTheSelfSignedCertificateOverSni() {
        h.start(config("localhost", ", \"tls\": { \"validateCertificateChain\": false, \"validateCertificateName\": true }"));
        HttpResponse<String> r = h.get("/x?y=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("tls ok /base/x?y=1");
    }

    @Test
    void nameValidationIsOnUnlessSwitchedOff() {
        String chainOff = ", \"tls\": { \"validateCertificateChain\": false, \"validateCertificateName\": %s }";
        h.start(config("127.0.0.1", chainOff.formatted("true")));
        assertThat(h.get("/x").statusCode()).isEqualTo(502);
        h.gateway.applyConfig(h.config(config("127.0.0.1", chainOff.formatted("false"))));
        assertThat(h.get("/x").statusCode()).isEqualTo(200);
    }
}

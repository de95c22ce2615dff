package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trailer fields cross no hop (Envoy drops HTTP/1 trailers unless told otherwise): a recipient that merges them
 * into the headers would read fields the gateway never checked. The chunked framing around them stays intact.
 */
class TrailersTest {

    private HardeningFixture fixture;

    @BeforeEach
    void startGateway() throws Exception {
        fixture = new HardeningFixture(new LoggingBackend(request -> request.target().equals("/base/trailers")
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Backend-Secret\r\n\r\n"
                        + "5\r\nhello\r\n0\r\nX-Backend-Secret: s3cr3t\r\nSet-Cookie: a=b\r\n\r\n"
                : null));
    }

    @AfterEach
    void stopGateway() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nr", "/r"})
    void aClientsTrailersNeverReachTheBackend(String api) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("POST " + api + "/upload HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\nTrailer: X-Forwarded-For\r\n\r\n"
                    + "5\r\nhello\r\n0\r\nX-Forwarded-For: 10.0.0.1\r\nX-Role: admin\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
            client.send("GET " + api + "/after HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        List<LoggingBackend.Received> log = fixture.backendLogAfterShutdown();
        assertThat(log).extracting(LoggingBackend.Received::target).containsExactly("/base/upload", "/base/after");
        LoggingBackend.Received upload = log.getFirst();
        assertThat(upload.bodyText()).isEqualTo("hello");
        assertThat(upload.trailers()).isEmpty();
        assertThat(upload.header("Trailer")).isNull();
        assertThat(upload.header("X-Role")).isNull();
        assertThat(upload.all("X-Forwarded-For")).containsExactly("127.0.0.1");
    }

    @Test
    void aBackendsTrailersNeverReachTheClient() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/trailers HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.body()).isEqualTo("hello");
            assertThat(response.trailers()).isEmpty();
            assertThat(response.header("Trailer")).isNull();
            client.send("GET /nr/after HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("ok GET /base/after");
        }
    }
}

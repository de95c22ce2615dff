package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backend that breaks response framing must not hand its extra bytes to the next request on its pooled
 * connection: that request belongs to another client. A response RFC 9110 calls invalid never reaches the client.
 */
class ResponseFramingTest {

    private HardeningFixture fixture;

    @BeforeEach
    void startGateway() throws Exception {
        fixture = new HardeningFixture(new LoggingBackend(request -> switch (request.target()) {
            case "/base/no-content" -> "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nLEAKD";
            case "/base/four-digits" -> "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\nok";
            case "/base/two-digits" -> "HTTP/1.1 20 OK\r\nContent-Length: 2\r\n\r\nok";
            case "/base/switch" -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\nRAW";
            case "/base/gzip-chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nGZIPD\r\n0\r\n\r\n";
            case "/base/gzip-then-chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nGZIPD\r\n0\r\n\r\n";
            case "/base/chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n5\r\nplain\r\n0\r\n\r\n";
            default -> null;
        }));
    }

    @AfterEach
    void stopGateway() throws Exception {
        fixture.close();
    }

    @Test
    void bytesAfterABodilessResponseAreNotReadAsTheNextRequestsResponse() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/no-content HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.readHeadResponse().status()).isEqualTo(204);
            // The same client connection stays on the same event loop, so this request gets that loop's pool.
            client.send("GET /nr/next HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response next = client.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("ok GET /base/next");
        }
        List<LoggingBackend.Received> log = fixture.backendLogAfterShutdown();
        assertThat(log).extracting(LoggingBackend.Received::target).containsExactly("/base/no-content", "/base/next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nr/four-digits", "/nr/two-digits"})
    void aStatusOutside100To599Is502(String path) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET " + path + " HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.statusLine()).startsWith("HTTP/1.1 502 ");
            assertThat(response.body()).contains("status");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1", "HTTP/1.0"})
    void aTransferCodingButChunkedIs502AndItsBytesNeverReachTheClient(String version) throws Exception {
        for (String path : List.of("/nr/gzip-chunked", "/nr/gzip-then-chunked")) {
            try (RawClient client = fixture.client()) {
                client.send("GET " + path + " " + version + "\r\nHost: a.test\r\n\r\n");
                RawClient.Response response = client.read();
                assertThat(response.status()).isEqualTo(502);
                assertThat(response.header("Transfer-Encoding")).isNull();
                assertThat(response.body()).contains("gzip").doesNotContain("GZIPD");
            }
        }
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/chunked " + version + "\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("plain");
        }
    }

    @Test
    void anUnaskedFor101Is502AtOnceNotATimeout() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/switch HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(502);
            assertThat(response.body()).contains("101");
        }
    }
}

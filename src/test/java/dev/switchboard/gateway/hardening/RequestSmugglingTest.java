package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 finding 1: a {@code Connection} header naming the framing headers must not let a request body reach the
 * backend as a second request. The backend logs every request it parses, so a smuggled one shows up.
 */
class RequestSmugglingTest extends AgainstRealGateway {

    private static final String SMUGGLED = "GET /admin/SMUGGLED HTTP/1.1\r\nHost: internal\r\n\r\n";

    @Test
    void connectionNamingContentLengthCannotSmuggleAStreamedBody() throws Exception {
        assertOneUpstreamRequestCarrying("/nr/hop", "content-length", SMUGGLED);
    }

    @Test
    void connectionNamingContentLengthCannotSmuggleABufferedBody() throws Exception {
        assertThat(SMUGGLED.length()).isLessThanOrEqualTo(HardeningFixture.MAX_BUFFERED);
        assertOneUpstreamRequestCarrying("/r/hop", "content-length", SMUGGLED);
    }

    @Test
    void connectionNamingContentLengthCannotSmuggleABodyOverTheBufferLimit() throws Exception {
        String body = SMUGGLED + "X".repeat(HardeningFixture.MAX_BUFFERED);
        assertOneUpstreamRequestCarrying("/r/hop", "keep-alive, Content-Length", body);
    }

    @Test
    void connectionNamingTransferEncodingKeepsTheChunkedFraming() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("POST /nr/hop HTTP/1.1\r\nHost: b.test\r\nConnection: transfer-encoding\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        List<LoggingBackend.Received> log = fixture.backendLogAfterShutdown();
        assertThat(log).hasSize(1);
        assertThat(log.getFirst().all("Transfer-Encoding")).containsExactly("chunked");
        assertThat(log.getFirst().all("Content-Length")).isEmpty();
        assertThat(log.getFirst().bodyText()).isEqualTo(SMUGGLED);
    }

    @Test
    void connectionCannotRemoveHostOrTheHeadersTheGatewaySets() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/x HTTP/1.1\r\nHost: b.test\r\nConnection: host, via, x-forwarded-for, x-forwarded-host, x-forwarded-proto, x-keep\r\n"
                    + "X-Keep: gone\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        LoggingBackend.Received received = fixture.backendLogAfterShutdown().getFirst();
        assertThat(received.all("Host")).containsExactly("127.0.0.1:" + fixture.backend.port());
        assertThat(received.header("Via")).isEqualTo("1.1 switchboard");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("b.test");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Keep")).as("an ordinary header Connection names is still dropped").isNull();
    }

    @Test
    void connectionCannotRemoveAHeaderTheApiSets() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /sh/x HTTP/1.1\r\nHost: b.test\r\nConnection: keep-alive, X-Tier, X-Plan, X-Keep\r\n"
                    + "X-Tier: premium\r\nX-Plan: gold\r\nX-Keep: gone\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        LoggingBackend.Received received = fixture.backendLogAfterShutdown().getFirst();
        assertThat(received.all("X-Tier")).as("the api's override").containsExactly("free");
        assertThat(received.all("X-Plan")).as("the client's hop-by-hop value is gone before the api's skip").containsExactly("basic");
        assertThat(received.header("X-Keep")).isNull();
        assertThat(received.header("Connection")).isNull();
    }

    @Test
    void connectionCannotRemoveAPreservedHost() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /ph/x HTTP/1.1\r\nHost: b.test\r\nConnection: Host\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(fixture.backendLogAfterShutdown().getFirst().all("Host")).containsExactly("b.test");
    }

    @Test
    void eachClientRequestOnAKeptAliveConnectionIsExactlyOneUpstreamRequest() throws Exception {
        try (RawClient client = fixture.client()) {
            for (int i = 0; i < 3; i++) {
                client.send(post("/nr/hop" + i, "content-length", SMUGGLED));
                assertThat(client.read().status()).isEqualTo(200);
            }
        }
        List<LoggingBackend.Received> log = fixture.backendLogAfterShutdown();
        assertThat(log).extracting(LoggingBackend.Received::target).containsExactly("/base/hop0", "/base/hop1", "/base/hop2");
        assertThat(log).allSatisfy(r -> assertThat(r.bodyText()).isEqualTo(SMUGGLED));
    }

    private void assertOneUpstreamRequestCarrying(String path, String connection, String body) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send(post(path, connection, body));
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok POST /base/hop");
        }
        List<LoggingBackend.Received> log = fixture.backendLogAfterShutdown();
        assertThat(log).extracting(LoggingBackend.Received::target).containsExactly("/base/hop");
        LoggingBackend.Received received = log.getFirst();
        assertThat(received.all("Content-Length")).containsExactly(String.valueOf(body.length()));
        assertThat(received.all("Transfer-Encoding")).isEmpty();
        assertThat(received.bodyText()).isEqualTo(body);
    }

    private static String post(String path, String connection, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: b.test\r\nConnection: " + connection + "\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }
}

package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11 findings 4 and 5: half-closing clients get their responses; kept-alive responses say for how long. */
class ConnectionLifetimeTest extends AgainstRealGateway {

    @Test
    void aClientThatShutsDownItsWriteSideAfterARequestGetsTheResponse() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/half HTTP/1.1\r\nHost: a.test\r\n\r\n").shutdownOutput();
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok GET /base/half");
            assertThat(client.closedWithoutMoreBytes()).as("then the gateway closes").isTrue();
        }
    }

    @Test
    void everyPipelinedRequestBeforeTheHalfCloseIsAnswered() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/1 HTTP/1.1\r\nHost: a.test\r\n\r\nPOST /nr/2 HTTP/1.1\r\nHost: a.test\r\nContent-Length: 3\r\n\r\nabc"
                    + "POST /r/3 HTTP/1.1\r\nHost: a.test\r\nContent-Length: 3\r\n\r\nxyz").shutdownOutput();
            assertThat(client.read().body()).isEqualTo("ok GET /base/1");
            assertThat(client.read().body()).isEqualTo("ok POST /base/2");
            assertThat(client.read().body()).isEqualTo("ok POST /base/3");
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(LoggingBackend.Received::bodyText).containsExactly("", "abc", "xyz");
    }

    @Test
    void keptAliveResponsesAdvertiseTheIdleTimeoutAndClosingOnesDoNot() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/a HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response kept = client.read();
            assertThat(kept.header("Keep-Alive")).isEqualTo("timeout=75");
            client.send("GET /nowhere HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response problem = client.read();
            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.header("Keep-Alive")).as("problem responses that keep the connection say so too").isEqualTo("timeout=75");
            client.send("GET /nr/b HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n");
            RawClient.Response closing = client.read();
            assertThat(closing.header("Connection")).isEqualTo("close");
            assertThat(closing.header("Keep-Alive")).isNull();
        }
    }
}

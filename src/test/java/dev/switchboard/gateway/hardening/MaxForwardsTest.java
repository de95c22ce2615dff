package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 7.6.2: Max-Forwards on OPTIONS and TRACE; the gateway is the final recipient at 0 (invalid values: {@link StrictHttpTest}). */
class MaxForwardsTest extends AgainstRealGateway {

    @Test
    void optionsWithMaxForwardsZeroIsAnsweredByTheGateway() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("OPTIONS /nr/x HTTP/1.1\r\nHost: a.test\r\nMax-Forwards: 0\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Allow")).contains("OPTIONS", "GET").doesNotContain("CONNECT");
            assertThat(response.body()).isEmpty();
            client.send("GET /nr/after HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("ok GET /base/after");
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(LoggingBackend.Received::target).containsExactly("/base/after");
    }

    @Test
    void traceWithMaxForwardsZeroIsEchoedByTheGatewayWithoutCredentials() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("TRACE /nr/x HTTP/1.1\r\nHost: a.test\r\nMax-Forwards: 0\r\nX-A: 1\r\n"
                    + "Authorization: Basic c2VjcmV0\r\nCookie: session=secret\r\n"
                    + "X-Switchboard-Trace: op-secret-token\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("message/http");
            assertThat(response.body()).startsWith("TRACE /nr/x HTTP/1.1\r\n").contains("X-A: 1\r\n", "Max-Forwards: 0\r\n")
                    .doesNotContain("c2VjcmV0", "secret", "X-Switchboard-Trace").endsWith("\r\n\r\n");
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"OPTIONS, 1, 0", "OPTIONS, 3, 2", "TRACE, 1, 0", "TRACE, 10, 9", "OPTIONS, 99999999999999999999, 2147483646",
            "GET, 0, 0", "GET, abc, abc", "POST, 5, 5"})
    void isForwardedOneLowerOnOptionsAndTraceOnly(String method, String sent, String forwarded) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send(method + " /nr/x HTTP/1.1\r\nHost: a.test\r\nMax-Forwards: " + sent + "\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(fixture.backendLogAfterShutdown()).singleElement()
                .satisfies(r -> assertThat(r.all("Max-Forwards")).containsExactly(forwarded));
    }
}

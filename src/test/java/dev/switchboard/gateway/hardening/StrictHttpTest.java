package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 finding 3: what a strict HTTP/1.1 server refuses never reaches a backend. */
class StrictHttpTest extends AgainstRealGateway {

    static Stream<Arguments> refused() {
        Stream<Arguments> maxForwards = Stream.of("abc", "-1", "1, 2", "", "1\r\nMax-Forwards: 1", "0x1").map(value -> Arguments.of(
                "Max-Forwards on OPTIONS: " + value, "OPTIONS /nr/x HTTP/1.1\r\nHost: a.test\r\nMax-Forwards: " + value + "\r\n\r\n",
                400, "Max-Forwards"));
        return Stream.concat(maxForwards, Stream.of(
                Arguments.of("HTTP/1.1 without Host", "GET /nr/x HTTP/1.1\r\nX-A: 1\r\n\r\n", 400, "needs a Host header"),
                Arguments.of("two Host headers", "GET /nr/x HTTP/1.1\r\nHost: a.test\r\nHost: b.test\r\n\r\n", 400, "2 Host headers"),
                Arguments.of("unknown version", "GET /nr/x HTTP/9.9\r\nHost: a.test\r\n\r\n", 505, "HTTP/9.9"),
                Arguments.of("obsolete line folding", "GET /nr/x HTTP/1.1\r\nHost: a.test\r\nX-Folded: one\r\n two\r\n\r\n", 400, "line folding"),
                Arguments.of("userinfo in Host", "GET /nr/x HTTP/1.1\r\nHost: a.test@evil.test\r\n\r\n", 400, "Host"),
                Arguments.of("a path in Host", "GET /nr/x HTTP/1.1\r\nHost: a.test/x\r\n\r\n", 400, "Host"),
                Arguments.of("a space in Host", "GET /nr/x HTTP/1.1\r\nHost: a.test evil.test\r\n\r\n", 400, "Host"),
                Arguments.of("a port in Host that is not digits", "GET /nr/x HTTP/1.1\r\nHost: a.test:80x\r\n\r\n", 400, "port"),
                Arguments.of("two ports in Host", "GET /nr/x HTTP/1.1\r\nHost: a.test:80:81\r\n\r\n", 400, "port"),
                Arguments.of("a port in Host after an IPv6 literal that is not digits", "GET /nr/x HTTP/1.1\r\nHost: [::1]:x\r\n\r\n", 400, "port"),
                Arguments.of("a control byte in the target", "GET /nr/a\u0001b HTTP/1.1\r\nHost: a.test\r\n\r\n", 400, "request target"),
                Arguments.of("a non-ASCII byte in the target", "GET /nr/caf\u00e9 HTTP/1.1\r\nHost: a.test\r\n\r\n", 400, "request target"),
                Arguments.of("a backslash in the target", "GET /nr/..\\..\\etc HTTP/1.1\r\nHost: a.test\r\n\r\n", 400, "request target"),
                Arguments.of("a fragment in the target", "GET /nr/x#frag HTTP/1.1\r\nHost: a.test\r\n\r\n", 400, "request target"),
                Arguments.of("a transfer coding other than chunked",
                        "POST /nr/x HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501, "gzip, chunked")));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refused")
    void isRefusedAndNeverForwarded(String what, String request, int status, String detail) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send(request);
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).contains(detail);
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nr/a|b", "/nr/a{b", "/nr/a}b", "/nr/a\"b", "/nr/a<b", "/nr/a>b", "/nr/a^b", "/nr/a`b", "/nr/x?q=a|b",
            "/nr/a%00b", "/nr/a%00", "/nr/%00/x?q=1", "/nr/..%00/x"})
    void aTargetCharacterRfc3986AllowsOnlyEncodedOrAnEncodedNulInThePathIs400(String target) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET " + target + " HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).containsAnyOf("request target", "%00");
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nr/a%7Cb%7b%7D%22%3C%3E%5E%60", "/nr/x?q=%00", "/nr/a%2500"})
    void theEncodedFormsAndANulInTheQueryAreForwarded(String target) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET " + target + " HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(LoggingBackend.Received::target)
                .containsExactly(target.replaceFirst("^/nr", "/base"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.test", "a.test:8080", "[::1]", "[::1]:8080", "127.0.0.1:80", ""})
    void aValidHostIsForwarded(String host) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/x HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(r -> r.header("X-Forwarded-Host")).containsExactly(host);
    }

    @Test
    void foldingInAHeadSentByteByByteIsStillSeen() throws Exception {
        String head = "GET /nr/x HTTP/1.1\r\nHost: a.test\r\nX-Folded: one\r\n\ttwo\r\n\r\n";
        try (RawClient client = fixture.client()) {
            for (char c : head.toCharArray()) {
                client.send(String.valueOf(c));
            }
            assertThat(client.read().status()).isEqualTo(400);
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @Test
    void connectIs405AndNothingAfterItIsParsed() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("CONNECT 127.0.0.1:" + fixture.backend.port() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /nr/tunnelled HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).contains("GET").doesNotContain("CONNECT");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @Test
    void requestsPipelinedBeforeARefusedOneAreStillAnsweredInOrder() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/first HTTP/1.1\r\nHost: a.test\r\n\r\nGET /nr/x HTTP/9.9\r\nHost: a.test\r\n\r\n"
                    + "GET /nr/never HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("ok GET /base/first");
            assertThat(client.read().status()).isEqualTo(505);
            assertThat(client.closedWithoutMoreBytes()).isTrue();
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(LoggingBackend.Received::target).containsExactly("/base/first");
    }

    @Test
    void http10WithoutHostAndHeadRequestsStillWork() throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("HEAD /nr/h HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response head = client.readHeadResponse();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf("ok HEAD /base/h".length()));
            client.send("GET /nr/after-head HTTP/1.1\r\nHost: a.test\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("ok GET /base/after-head");
        }
        try (RawClient client = fixture.client()) {
            client.send("GET /nr/old HTTP/1.0\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("ok GET /base/old");
        }
    }
}

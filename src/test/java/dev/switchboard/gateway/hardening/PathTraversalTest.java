package dev.switchboard.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 finding 2: dot-segments are resolved before routing, and may not walk out of the api they start in. */
class PathTraversalTest extends AgainstRealGateway {

    @ParameterizedTest
    @ValueSource(strings = {"/nr/../secret", "/nr/%2e%2e/secret", "/nr/%2E%2E/secret", "/nr/..%2fsecret", "/nr/..;/secret",
            "/nr/x/../../etc/passwd", "/nr/admin/../../r/x", "/nr/admin/../public", "/nr/..", "/../nr/x", "/nr/..%2f..%2fsecret",
            "/nr/..%5csecret", "/nr/..%5C..%5Cetc"})
    void pathsLeavingTheirApiOrTheRootAre400(String path) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET " + path + "?q=1 HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).containsAnyOf("path-escapes-api", "climb above the root");
        }
        assertThat(fixture.backendLogAfterShutdown()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/nr/x/../y?q=1,        /base/y?q=1",
            "/nr/./y,               /base/y",
            "/nr/x/%2e%2e/y,        /base/y",
            "/nr/x/../admin/panel,  /adminbase/panel",
            "/nr/x/./y/../z,        /base/x/z",
            "/nr/a%2Fb,             /base/a%2Fb",
            "/nr/x/..%5cy,          /base/y"
    })
    void pathsStayingInsideAreRoutedAndForwardedResolved(String path, String forwarded) throws Exception {
        try (RawClient client = fixture.client()) {
            client.send("GET " + path + " HTTP/1.1\r\nHost: a.test\r\n\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok GET " + forwarded);
        }
        assertThat(fixture.backendLogAfterShutdown()).extracting(LoggingBackend.Received::target).containsExactly(forwarded);
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class HeaderRewriterTest {

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionAreRemoved() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Secret").add("X-Secret", "1").add("Keep-Alive", "timeout=5")
                .add("Proxy-Authorization", "Basic abc").add("Proxy-Connection", "keep-alive").add("TE", "trailers")
                .add("Upgrade", "h2c").add("Transfer-Encoding", "chunked").add("Trailer", "X-T").add("X-Kept", "yes");
        HeaderRewriter.removeHopByHop(headers);
        assertThat(headers.names()).containsExactly("X-Kept");
    }

    @Test
    void requestGetsForwardingHeadersAndTheBackendsHost() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "shop.example").add("Via", "1.0 edge");
        HeaderRewriter.rewriteRequest(headers, "10.1.1.1", "http", "backend:8080", false);
        assertThat(headers.get("Host")).isEqualTo("backend:8080");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("shop.example");
        assertThat(headers.get("X-Forwarded-For")).isEqualTo("10.1.1.1");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("Via")).isEqualTo("1.0 edge, 1.1 switchboard");
    }

    @Test
    void preserveHostKeepsTheClientsHost() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "shop.example");
        HeaderRewriter.rewriteRequest(headers, "10.1.1.1", "http", "backend:8080", true);
        assertThat(headers.get("Host")).isEqualTo("shop.example");
    }

    @Test
    void connectionTokensNamingFramingHostOrForwardingHeadersAreIgnored() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "Content-Length, host, X-Forwarded-For, via, x-forwarded-proto, x-forwarded-host, X-Gone")
                .add("Content-Length", "48").add("Host", "b.test").add("X-Forwarded-For", "10.0.0.1").add("Via", "1.0 edge")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "edge").add("X-Gone", "1");
        HeaderRewriter.removeHopByHop(headers);
        assertThat(headers.names()).containsExactlyInAnyOrder("Content-Length", "Host", "X-Forwarded-For", "Via", "X-Forwarded-Proto",
                "X-Forwarded-Host");
    }

    @Test
    void upstreamFramingIsExactlyOneOfContentLengthAndChunked() {
        HttpHeaders streamed = new DefaultHttpHeaders().add("Content-Length", "5").add("Transfer-Encoding", "chunked");
        UpstreamFraming.streamed(streamed, true, -1);
        assertThat(streamed.names()).containsExactly("transfer-encoding");
        UpstreamFraming.streamed(streamed, false, 48);
        assertThat(streamed.names()).containsExactly("content-length");
        assertThat(streamed.get("Content-Length")).isEqualTo("48");

        HttpHeaders whole = new DefaultHttpHeaders().add("Transfer-Encoding", "chunked");
        UpstreamFraming.whole(whole, 12);
        assertThat(whole.names()).containsExactly("content-length");
        HttpHeaders get = new DefaultHttpHeaders();
        UpstreamFraming.whole(get, 0);
        assertThat(get.isEmpty()).as("a body-less request the client sent without Content-Length gets none").isTrue();
    }
}

package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backend codec writes Netty's HttpClientCodec's bytes, and reads responses as strictly as it did. */
class UpstreamHttpCodecTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new UpstreamHttpCodec(8192, 8192, 65536));
    private final EmbeddedChannel netty = new EmbeddedChannel(new HttpClientCodec(8192, 8192, 65536));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        netty.finishAndReleaseAll();
    }

    @Test
    void requestHeadsAndBodiesAreTheBytesNettysEncoderWrites() {
        for (EmbeddedChannel ch : List.of(channel, netty)) {
            ch.writeOutbound(request("GET", "/a?b=c"), LastHttpContent.EMPTY_LAST_CONTENT);
            HttpRequest post = request("POST", "/upload");
            post.headers().set(HttpHeaderNames.CONTENT_LENGTH, 3);
            ch.writeOutbound(post, new DefaultLastHttpContent(bytes("abc")));
            HttpRequest chunked = request("PUT", "/c");
            chunked.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
            LastHttpContent last = new DefaultLastHttpContent(bytes("xy"));
            last.trailingHeaders().set("X-Checksum", "42");
            ch.writeOutbound(chunked, new DefaultHttpContent(bytes("hello")), new DefaultHttpContent(Unpooled.EMPTY_BUFFER), last);
        }
        assertThat(wire(channel)).isEqualTo(wire(netty))
                .startsWith("GET /a?b=c HTTP/1.1\r\nhost: backend:8080\r\nX-Odd: caf\u00e9 ?\r\nx-odd: second\r\n\r\n")
                .endsWith("5\r\nhello\r\n2\r\nxy\r\n0\r\nX-Checksum: 42\r\n\r\n");
    }

    @Test
    void aResponseToHeadHasNoBodyWhateverItsFramingSays() {
        channel.writeOutbound(request("HEAD", "/x"), LastHttpContent.EMPTY_LAST_CONTENT, request("GET", "/y"), LastHttpContent.EMPTY_LAST_CONTENT);
        wire(channel);
        channel.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        List<String> parts = new ArrayList<>();
        for (HttpObject part; (part = channel.readInbound()) != null; ) {
            if (part instanceof HttpResponse response) {
                parts.add(String.valueOf(response.status().code()));
            }
            if (part instanceof LastHttpContent last) {
                parts.add("end:" + last.content().toString(StandardCharsets.US_ASCII));
                last.release();
            }
        }
        assertThat(parts).containsExactly("200", "end:", "100", "end:", "200", "end:ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 5\r\n\r\n",
            // Netty's path (a Connection naming a header): the same framing.
            "HTTP/1.1 304 Not Modified\r\nConnection: X-A\r\nContent-Length: 5\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nContent-Length: 5\r\n\r\n",
    })
    void aBodylessStatusEndsAtItsHeadWhateverItsContentLengthSays(String bodyless) {
        // RFC 9112 6.3: the Content-Length of a 304 is the length of the body it stands for, not bytes that follow.
        channel.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT);
        wire(channel);
        channel.writeInbound(bytes(bodyless + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        List<String> parts = new ArrayList<>();
        for (Object part; (part = channel.readInbound()) != null; ) {
            if (part instanceof HttpResponse response) {
                parts.add(response.status().code() + (response.decoderResult().isFailure() ? " failed" : ""));
            }
            if (part instanceof HttpContent content) {
                parts.add("body:" + content.content().toString(StandardCharsets.US_ASCII));
                content.release();
            }
        }
        assertThat(parts.subList(0, 2)).containsExactly(bodyless.substring(9, 12), "body:");
        if (!bodyless.contains(" 101 ")) {
            // After a 101 Netty's decoder reads no more HTTP; only a 304 has a response after it.
            assertThat(parts.subList(2, parts.size())).containsExactly("200", "body:ok");
        }
    }

    @Test
    void nothingAfterABrokenResponseChunkIsReadAsAResponse() {
        channel.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT, request("GET", "/y"), LastHttpContent.EMPTY_LAST_CONTENT);
        wire(channel);
        channel.writeInbound(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"));
        channel.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged"));
        List<HttpObject> parts = drain(channel);
        assertThat(parts).filteredOn(HttpResponse.class::isInstance).hasSize(1);
        assertThat(parts.getLast()).isInstanceOf(LastHttpContent.class);
        assertThat(parts.getLast().decoderResult().isFailure()).isTrue();
    }

    @Test
    void responseTrailersAreValidatedWhateverTheirNumberThenDropped() {
        channel.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT, request("GET", "/y"), LastHttpContent.EMPTY_LAST_CONTENT);
        wire(channel);
        channel.writeInbound(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n"
                + "X-T: 1\r\nX-U: 2\r\nX-V: 3\r\nContent-Length: 9\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Bad\u0000: 1\r\n\r\n"));
        List<String> trailers = new ArrayList<>();
        boolean failed = false;
        for (HttpObject part; (part = channel.readInbound()) != null; ) {
            failed |= part.decoderResult().isFailure();
            if (part instanceof LastHttpContent last) {
                last.trailingHeaders().forEach(e -> trailers.add(e.getKey() + "=" + e.getValue()));
                last.release();
            } else if (part instanceof HttpContent content) {
                content.release();
            }
        }
        assertThat(trailers).isEmpty();
        assertThat(failed).as("a trailer name with NUL is refused").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Length: 2\r\nContent-Length: 3\r\n",
            "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n",
            "X-A: nul\u0000\r\n",
            "X@A: bad name\r\n",
            "Content-Length: x\r\n",
    })
    void aResponseHeadNettyRefusedIsStillRefused(String lines) {
        channel.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT);
        wire(channel);
        channel.writeInbound(bytes("HTTP/1.1 200 OK\r\n" + lines + "\r\nok"));
        HttpObject first = drain(channel).getFirst();
        assertThat(first.decoderResult().isFailure()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A: one\u0000two\r\n", "X-A: one\rtwo\r\n", "X-A: \u007f\r\n", "X@A: x\r\n", ": x\r\n", "X-A x\r\n",
            " X-First: folded\r\n", "\rX-A: x\r\n"})
    void aBadResponseHeaderLineFailsWhereverTheReadsSplitTheHead(String line) {
        String wire = "HTTP/1.1 200 OK\r\nServer: s\r\n".replace("Server: s\r\n", line.startsWith(" ") ? "" : "Server: s\r\n")
                + line + "Content-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        for (int split = 1; split < wire.length(); split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new UpstreamHttpCodec(8192, 8192, 65536));
            ch.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT, request("GET", "/y"), LastHttpContent.EMPTY_LAST_CONTENT);
            wire(ch);
            ch.writeInbound(bytes(wire.substring(0, split)));
            ch.writeInbound(bytes(wire.substring(split)));
            List<HttpObject> parts = drain(ch);
            assertThat(parts).as("split at %d", split).hasSize(1);
            assertThat(parts.getFirst().decoderResult().isFailure()).as("split at %d", split).isTrue();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void validResponseHeadsDecodeToTheSameHeadersAsHttpClientCodec() {
        String response = "HTTP/1.1 200 OK\r\nServer: nginx\r\nX-Folded: one\r\n two\r\nX-Space : dropped\r\nX-Tab: a\tb\r\n"
                + "X-Obs: caf\u00e9\r\nX-Empty:\r\nContent-Length: 2\r\n\r\nok";
        List<String> decoded = new ArrayList<>();
        for (EmbeddedChannel ch : List.of(channel, netty)) {
            ch.writeOutbound(request("GET", "/x"), LastHttpContent.EMPTY_LAST_CONTENT);
            wire(ch);
            ch.writeInbound(bytes(response));
            HttpResponse head = ch.readInbound();
            assertThat(head.decoderResult().isSuccess()).isTrue();
            decoded.add(head.headers().entries().toString());
            ((LastHttpContent) ch.readInbound()).release();
        }
        assertThat(decoded.get(0)).isEqualTo(decoded.get(1)).contains("X-Folded=one two", "X-Space=dropped");
    }

    /** A request written whole leaves as one buffer, so the socket sends it in one write rather than a gathering one. */
    @Test
    void aWholeRequestLeavesAsOneBuffer() {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/x");
        head.headers().set(HttpHeaderNames.HOST, "b");
        RequestBody.none().writeWithHead(channel, head);
        ByteBuf only = channel.readOutbound();
        assertThat(only.toString(StandardCharsets.ISO_8859_1)).isEqualTo("GET /x HTTP/1.1\r\nhost: b\r\n\r\n");
        only.release();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    private static HttpRequest request(String method, String uri) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri);
        request.headers().set(HttpHeaderNames.HOST, "backend:8080").add("X-Odd", "caf\u00e9 \u20ac").add("x-odd", AsciiString.of("second"));
        return request;
    }

    private static String wire(EmbeddedChannel ch) {
        StringBuilder wire = new StringBuilder();
        for (ByteBuf buf; (buf = ch.readOutbound()) != null; buf.release()) {
            wire.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return wire.toString();
    }

    private static List<HttpObject> drain(EmbeddedChannel ch) {
        List<HttpObject> out = new ArrayList<>();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            out.add((HttpObject) msg);
            if (msg instanceof HttpContent content) {
                content.release();
            }
        }
        return out;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}

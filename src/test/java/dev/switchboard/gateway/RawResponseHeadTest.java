package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backend's plain response head goes to the client as its own lines ({@link RawResponseHead}) and gives the client
 * what Netty's decode, rewrite and encode gave; every other head still takes Netty's decoder.
 */
class RawResponseHeadTest {

    private final EmbeddedChannel backend = new EmbeddedChannel(new UpstreamHttpCodec(8192, 8192, 65536));

    @AfterEach
    void close() {
        backend.finishAndReleaseAll();
    }

    @Test
    void hopByHopLinesStayOnTheHopAndTheRestGoVerbatim() {
        sent(backend, "GET");
        backend.writeInbound(bytes("HTTP/1.1 201 Made it\r\nServer: nginx\r\nConnection: Keep-Alive\r\nKeep-Alive: timeout=5\r\n"
                + "Proxy-Authenticate: Basic\r\nTE: trailers\r\nTrailer: X-T\r\nUpgrade: h2c\r\nx-switchboard-trace-result: forged\r\n"
                + "Set-Cookie: a=1\r\nset-cookie: b=2\r\nX-Raw:as-sent  \r\nX-Obs: caf\u00e9\tbar\r\nX-Empty:\r\nContent-Length: 2\r\n\r\nok"));
        RawResponseHead head = backend.readInbound();
        assertThat(RawResponseHead.keepAlive(head)).isTrue();
        assertThat(clientBytes(head, "ok")).isEqualTo("HTTP/1.1 201 Made it\r\nServer: nginx\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n"
                + "X-Raw:as-sent  \r\nX-Obs: caf\u00e9\tbar\r\nX-Empty:\r\nContent-Length: 2\r\nvia: 1.1 switchboard\r\n"
                + "keep-alive: timeout=75\r\n\r\nok");
    }

    @Test
    void theBackendsConnectionCloseViaAndRetryAfterAreRead() {
        sent(backend, "GET");
        backend.writeInbound(bytes("HTTP/1.1 503 Busy\r\nconnection: keep-alive, CLOSE\r\nVia: 1.0 edge\r\nRetry-After: 7\r\n"
                + "Retry-After: 9\r\nContent-Length: 0\r\n\r\n"));
        RawResponseHead head = backend.readInbound();
        assertThat(RawResponseHead.keepAlive(head)).isFalse();
        assertThat(RawResponseHead.retryAfter(head)).isEqualTo("7");
        assertThat(head.via()).isEqualTo("1.0 edge, 1.1 switchboard");
        assertThat((Object) backend.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nServer: s\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nConnection: close\r\nVia: 1.0 a\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 404 Not Found\r\nKeep-Alive: timeout=1\r\nProxy-Connection: x\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 204 No Content\r\nDate: today\r\n\r\n",
            "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\nContent-Length: 99\r\n\r\n",
            "HTTP/1.1 599 \r\nContent-Length: 1\r\n\r\nx",
    })
    void theClientGetsWhatNettysDecodeRewriteAndEncodeGave(String response) {
        sent(backend, "GET");
        backend.writeInbound(bytes(response));
        RawResponseHead raw = backend.readInbound();
        String rawBytes = clientBytes(raw, bodyOf(backend));

        EmbeddedChannel netty = new EmbeddedChannel(new HttpClientCodec());
        sent(netty, "GET");
        netty.writeInbound(bytes(response));
        HttpResponse decoded = netty.readInbound();
        HeaderRewriter.rewriteResponse(decoded.headers());
        String nettyBytes = clientBytes(new DefaultHttpResponse(HttpVersion.HTTP_1_1, decoded.status(), decoded.headers()), bodyOf(netty));
        netty.finishAndReleaseAll();

        assertThat(rawBytes).isEqualTo(nettyBytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nConnection: X-Secret\r\nX-Secret: 1\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nServer: no length, so the body ends with the connection\r\n\r\n",
            "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nVia: a\r\nVia: b\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nX-Switchboard-Backend: another gateway's\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nX-Folded: one\r\n two\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nX-Space : x\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\nContent-Length: 2\n\nok",
            "HTTP/1.1 200 OK\r\nX-Bare-LF: x\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 205 Reset Content\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 O\u0001K\r\nContent-Length: 2\r\n\r\nok",
            "\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    })
    void everyOtherHeadTakesNettysDecoder(String response) {
        sent(backend, "GET");
        backend.writeInbound(bytes(response));
        Object first = backend.readInbound();
        assertThat(first).isInstanceOf(HttpResponse.class).isNotInstanceOf(RawResponseHead.class);
    }

    @Test
    void interimResponsesTakeNettysDecoderAndTheFinalOneDoesNot() {
        sent(backend, "POST");
        backend.writeInbound(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(statusesAndBodies(backend)).containsExactly("100 netty", "body:", "200 raw", "body:ok");
    }

    @Test
    void aHeadLongerThanTheLimitsIsLeftForNettyToRefuse() {
        EmbeddedChannel small = new EmbeddedChannel(new UpstreamHttpCodec(8192, 64, 65536));
        sent(small, "GET");
        small.writeInbound(bytes("HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(100) + "\r\nContent-Length: 2\r\n\r\nok"));
        HttpObject first = small.readInbound();
        assertThat(first).isNotInstanceOf(RawResponseHead.class);
        assertThat(first.decoderResult().isFailure()).isTrue();
        small.finishAndReleaseAll();
    }

    @Test
    void bodiesSplitAnywhereArriveWholeAndEachHeadTakesItsOwnPath() {
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        for (int split = 1; split < wire.length(); split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new UpstreamHttpCodec(8192, 8192, 65536));
            sent(ch, "GET");
            sent(ch, "GET");
            sent(ch, "HEAD");
            sent(ch, "GET");
            ch.writeInbound(bytes(wire.substring(0, split)));
            ch.writeInbound(bytes(wire.substring(split)));
            assertThat(statusesAndBodies(ch)).as("split at %d", split)
                    .containsExactly("200 raw", "body:hello", "200 netty", "body:ok", "200 raw", "body:", "404 raw", "body:");
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aBodyLongerThanAChunkArrivesInChunks() {
        EmbeddedChannel ch = new EmbeddedChannel(new UpstreamHttpCodec(8192, 8192, 4));
        sent(ch, "GET");
        ch.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"));
        assertThat((Object) ch.readInbound()).isInstanceOf(RawResponseHead.class);
        List<String> parts = new ArrayList<>();
        for (HttpContent part; (part = ch.readInbound()) != null; part.release()) {
            parts.add((part instanceof LastHttpContent ? "last:" : "part:") + part.content().toString(StandardCharsets.ISO_8859_1));
        }
        assertThat(parts).containsExactly("part:0123", "part:4567", "last:89");
        ch.finishAndReleaseAll();
    }

    /**
     * A raw head with its whole body leaves the client codec as one buffer, so the socket sends it in one write; an
     * answer to HEAD keeps its Content-Length and loses its body.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void aRawHeadWithItsWholeBodyLeavesAsOneBuffer(String method) {
        sent(backend, method);
        backend.writeInbound(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n" + (method.equals("GET") ? "ok" : "")));
        RawResponseHead head = backend.readInbound();
        HttpContent body = backend.readInbound();
        EmbeddedChannel client = new EmbeddedChannel(new ClientHttpCodec(8192, 8192, 65536));
        client.writeInbound(bytes(method + " / HTTP/1.1\r\nHost: gw\r\n\r\n"));
        client.inboundMessages().forEach(ReferenceCountUtil::release);
        client.writeOutbound(new RawFullResponse(head, body.content()));
        ByteBuf only = client.readOutbound();
        assertThat(only.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                + "keep-alive: timeout=75\r\n\r\n" + (method.equals("GET") ? "ok" : ""));
        only.release();
        assertThat((Object) client.readOutbound()).isNull();
        client.finishAndReleaseAll();
    }

    /** What the gateway's client codec writes for {@code head} (with the gateway's Via) and its body. */
    private static String clientBytes(HttpResponse head, String body) {
        EmbeddedChannel client = new EmbeddedChannel(new ClientHttpCodec(8192, 8192, 65536));
        client.writeInbound(bytes("GET / HTTP/1.1\r\nHost: gw\r\n\r\n"));
        client.inboundMessages().forEach(ReferenceCountUtil::release);
        if (head instanceof RawResponseHead raw) {
            raw.headers().set(HttpHeaderNames.VIA, raw.via());
        }
        client.writeOutbound(head, new DefaultLastHttpContent(bytes(body)));
        StringBuilder wire = new StringBuilder();
        for (ByteBuf buf; (buf = client.readOutbound()) != null; buf.release()) {
            wire.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        client.finishAndReleaseAll();
        return wire.toString();
    }

    private static String bodyOf(EmbeddedChannel ch) {
        StringBuilder body = new StringBuilder();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            HttpContent content = (HttpContent) msg;
            body.append(content.content().toString(StandardCharsets.ISO_8859_1));
            content.release();
        }
        return body.toString();
    }

    /** Each response as its status, the path its head took, and its whole body. */
    private static List<String> statusesAndBodies(EmbeddedChannel ch) {
        List<String> responses = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            if (msg instanceof HttpResponse response) {
                assertThat(response.decoderResult().isSuccess()).isTrue();
                responses.add(response.status().code() + (response instanceof RawResponseHead ? " raw" : " netty"));
            }
            if (msg instanceof HttpContent content) {
                body.append(content.content().toString(StandardCharsets.ISO_8859_1));
                content.release();
                if (msg instanceof LastHttpContent) {
                    responses.add("body:" + body);
                    body.setLength(0);
                }
            }
        }
        return responses;
    }

    /** Sends a request through {@code ch}'s encoder, so its decoder knows which method the next response answers. */
    private static void sent(EmbeddedChannel ch, String method) {
        ch.writeOutbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), "/"), LastHttpContent.EMPTY_LAST_CONTENT);
        for (ByteBuf buf; (buf = ch.readOutbound()) != null; ) {
            buf.release();
        }
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}

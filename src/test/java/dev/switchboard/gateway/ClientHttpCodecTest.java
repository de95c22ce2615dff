package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client codec's edge cases: obsolete line folding in any read split, bodies left alone, limits, HEAD, broken chunks. */
class ClientHttpCodecTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ClientHttpCodec(8192, 1024, 65536));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFoldIsRefusedWhereverTheReadsSplitTheHead() {
        String head = "GET /x HTTP/1.1\r\nHost: a\r\nX-F: one\r\n two\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n";
        for (int split = 1; split < head.length(); split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new ClientHttpCodec(8192, 1024, 65536));
            ch.writeInbound(bytes(head.substring(0, split)));
            ch.writeInbound(bytes(head.substring(split)));
            List<Object> out = drain(ch);
            assertThat(out).as("split at %d", split).hasSize(1);
            HttpRequest refused = (HttpRequest) out.getFirst();
            assertThat(refused.decoderResult().cause()).as("split at %d", split).isInstanceOf(RejectedRequest.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void whitespaceAfterLineBreaksInsideBodiesIsNotAFold() {
        String body = "a\r\n b\r\n\tc";
        channel.writeInbound(bytes("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                + "POST /y HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\n\r\nGET /z HTTP/1.1\r\nHost: a\r\n\r\n"));
        List<String> uris = new ArrayList<>();
        for (Object msg : drain(channel)) {
            if (msg instanceof HttpRequest request) {
                assertThat(request.decoderResult().isSuccess()).isTrue();
                uris.add(request.uri());
            }
        }
        assertThat(uris).containsExactly("/x", "/y", "/z");
    }

    @Test
    void leadingEmptyLinesBeforeARequestAreNotAFold() {
        channel.writeInbound(bytes("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n"));
        HttpRequest request = (HttpRequest) drain(channel).getFirst();
        assertThat(request.decoderResult().isSuccess()).isTrue();
    }

    @Test
    void aCompleteHeadOverTheLimitIsStillRefusedAsTooLarge() {
        channel.writeInbound(bytes("GET /x HTTP/1.1\r\nHost: a\r\n" + "X-Pad: 0123456789\r\n".repeat(60) + "\r\n"));
        HttpRequest request = (HttpRequest) drain(channel).getFirst();
        assertThat(request.decoderResult().cause()).isInstanceOf(TooLongHttpHeaderException.class);
    }

    @Test
    void anEndlessHeadIsHeldOnlyUpToABoundThenRefusedAsTooLarge() {
        channel.writeInbound(bytes("GET /x HTTP/1.1\r\nHost: a\r\n" + "X-Pad: 0123456789\r\n".repeat(400)));
        assertThat(drain(channel)).as("held until the raw bytes pass the bound beyond which Netty must refuse the head").isEmpty();
        channel.writeInbound(bytes("X-Pad: 0123456789\r\n".repeat(300)));
        HttpRequest request = (HttpRequest) drain(channel).getFirst();
        assertThat(request.decoderResult().cause()).isInstanceOf(TooLongHttpHeaderException.class);
    }

    @Test
    void aRequestBeyondThePipeliningLimitIsRefusedAndNothingAfterItIsParsed() {
        String get = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
        channel.writeInbound(bytes(get.repeat(StrictRequestDecoder.MAX_PIPELINED + 5)));
        List<HttpRequest> requests = drain(channel).stream().filter(HttpRequest.class::isInstance).map(HttpRequest.class::cast).toList();
        assertThat(requests).hasSize(StrictRequestDecoder.MAX_PIPELINED + 1);
        assertThat(requests.subList(0, StrictRequestDecoder.MAX_PIPELINED)).allMatch(r -> r.decoderResult().isSuccess());
        assertThat(((RejectedRequest) requests.getLast().decoderResult().cause()).problem().status()).isEqualTo(429);
    }

    @Test
    void nothingAfterABrokenRequestChunkIsParsedAsARequestInAnyLaterRead() {
        // Netty's decoder drops every byte after a failed message; the one-pass head parser must not read them.
        channel.writeInbound(bytes("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
        channel.writeInbound(bytes("GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"));
        List<Object> out = drain(channel);
        assertThat(out).filteredOn(HttpRequest.class::isInstance).extracting(r -> ((HttpRequest) r).uri()).containsExactly("/x");
        assertThat(((LastHttpContent) out.getLast()).decoderResult().isFailure()).isTrue();
    }

    @Test
    void aResponseToHeadHasNoBodyWhateverItsFramingSays() {
        channel.writeInbound(bytes("HEAD /x HTTP/1.1\r\nHost: a\r\n\r\nGET /y HTTP/1.1\r\nHost: a\r\n\r\n"));
        drain(channel);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        channel.writeOutbound(head, LastHttpContent.EMPTY_LAST_CONTENT);
        DefaultHttpResponse get = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        get.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        channel.writeOutbound(get, LastHttpContent.EMPTY_LAST_CONTENT);
        StringBuilder wire = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            wire.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        assertThat(wire.toString()).isEqualTo("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nkeep-alive: timeout=75\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nkeep-alive: timeout=75\r\n\r\n0\r\n\r\n");
    }

    @Test
    void responseHeadersAreTheBytesNettysEncoderWrites() {
        channel.writeInbound(bytes("GET /y HTTP/1.1\r\nHost: a\r\n\r\n"));
        drain(channel);
        EmbeddedChannel netty = new EmbeddedChannel(new HttpResponseEncoder());
        for (EmbeddedChannel ch : List.of(channel, netty)) {
            DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set("Content-Type", "text/plain; charset=utf-8")
                    .set(HttpHeaderNames.CONTENT_LENGTH, 0)
                    .add("X-Odd", "caf\u00e9 \u20ac")
                    .add("x-odd", AsciiString.of("second"));
            if (ch == netty) {
                // What the gateway's encoder adds to every final response that keeps its connection.
                response.headers().add("keep-alive", "timeout=75");
            }
            ch.writeOutbound(response, LastHttpContent.EMPTY_LAST_CONTENT);
        }
        assertThat(wire(channel)).isEqualTo(wire(netty))
                .startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\ncontent-length: 0\r\n");
        netty.finishAndReleaseAll();
    }

    private static String wire(EmbeddedChannel ch) {
        StringBuilder wire = new StringBuilder();
        for (ByteBuf buf; (buf = ch.readOutbound()) != null; buf.release()) {
            wire.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return wire.toString();
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static List<Object> drain(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            out.add(msg);
            if (msg instanceof HttpContent content) {
                content.release();
            }
        }
        return out;
    }
}
